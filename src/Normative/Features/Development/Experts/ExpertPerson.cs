namespace Normative.Features.Development.Experts;

/// <summary>A person a member body has registered (a delegate, or an expert of one of its committees), offered when it names an expert.</summary>
public sealed record ExpertPerson(int MemberBodyId, string Name, string Email);
