namespace Normative.Tests.Security;

/// <summary>The role matrix and the owner checks share one app: loading every feature's demo data is the slow part.</summary>
[CollectionDefinition(RoleMatrixApp.Collection)]
public sealed class RoleMatrixCollection : ICollectionFixture<RoleMatrixApp>;
