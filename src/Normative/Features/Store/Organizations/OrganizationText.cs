namespace Normative.Features.Store.Organizations;

/// <summary>The marker for the texts of organisation accounts and their multi-user licences' seats (Resources/Features/Store/Organizations/OrganizationText.*.resx).</summary>
public sealed class OrganizationText;
