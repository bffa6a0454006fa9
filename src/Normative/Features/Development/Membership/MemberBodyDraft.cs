namespace Normative.Features.Development.Membership;

/// <summary>What an administrator (a page, the API or an import line) gives for a member body.</summary>
public sealed record MemberBodyDraft(
    string CountryCode,
    string Acronym,
    string Name,
    MemberCategory Category,
    Region Region,
    string? WebSite = null,
    string? Address = null,
    string? ContactEmail = null,
    string? ContactPhone = null);
