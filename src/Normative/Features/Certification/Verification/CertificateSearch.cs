namespace Normative.Features.Certification.Verification;

/// <summary>What a person searches by. At least one criterion is needed; <see cref="Check"/> says what is wrong.</summary>
public sealed record CertificateSearch(string? Organization, string? Country, string? Standard, string? CertificationBody, string? Number = null)
{
    public const int MaxLength = 200;
    public const int PageSize = 20;

    /// <summary>How deep the result pages go; a narrower search finds the rest.</summary>
    public const int MaxPage = 50;

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Organization) && string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Standard)
        && string.IsNullOrWhiteSpace(CertificationBody) && string.IsNullOrWhiteSpace(Number);

    /// <summary>Null when the search can run; otherwise the key of the problem in CertificationText.</summary>
    public string? Check()
    {
        if (IsEmpty)
        {
            return "Search.Error.Empty";
        }
        if (new[] { Organization, Country, Standard, CertificationBody, Number }.Any(v => v is { Length: > MaxLength }))
        {
            return "Search.Error.TooLong";
        }
        if (!string.IsNullOrWhiteSpace(Organization) && Organization.Trim().Length < 3)
        {
            return "Search.Error.TooShort";
        }
        return null;
    }
}
