using System.Globalization;
using Normative.Features.Certification.Registry;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Import;

/// <summary>
/// Checks one certificate row against the rules and the registry (known CB, its accreditations) and
/// turns it into a <see cref="CertificateRecord"/>, or lists every problem it has. Pure: the
/// registry comes in as a snapshot and today as a date.
/// </summary>
public sealed class CertificateValidator(RegistrySnapshot registry, int? onlyBodyId, DateOnly today)
{
    public const int MaxNumber = 100;
    public const int MaxOrganization = 300;
    public const int MaxScope = 5_000;
    public const int MaxAddress = 500;
    public const int MaxReason = 1_000;

    public CertificateRecord? Validate(int line, CertificateInput input, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var number = input.Number.Trim();
        void Add(string code, params string[] args) => problems.Add(new ImportProblem(line, number.Length == 0 ? null : number, code, args));

        Text(number, "certificate_number", MaxNumber, Add);
        var organization = input.Organization.Trim();
        Text(organization, "organization", MaxOrganization, Add);
        var scope = input.Scope.Trim();
        Text(scope, "scope", MaxScope, Add);

        RegistrySnapshot.Body? body = null;
        var bodyCode = input.CertificationBody.Trim();
        if (bodyCode.Length == 0)
        {
            Add("Required", "certification_body");
        }
        else if ((body = registry.Find(bodyCode)) is null)
        {
            Add("UnknownBody", bodyCode);
        }
        else if (onlyBodyId is { } own && body.Id != own)
        {
            Add("OtherBody", body.Code, registry.FindById(own)?.Code ?? "?");
            body = null;
        }

        if (!CountryCodes.TryNormalize(input.Country, out var country))
        {
            Add("Country", "country", input.Country.Trim());
        }

        var standards = new List<string>();
        foreach (var raw in input.Standards.Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var (canonical, problem) = Standard(raw);
            if (problem is { } p)
            {
                Add(p.Code, p.Args);
            }
            else if (!standards.Contains(canonical))
            {
                standards.Add(canonical);
            }
        }
        if (input.Standards.All(s => s.Trim().Length == 0))
        {
            Add("Required", "standard");
        }

        var sites = new List<CertificateSite>();
        foreach (var site in input.Sites)
        {
            if (string.IsNullOrWhiteSpace(site.Address) || site.Country is null)
            {
                Add("Site", site.Raw);
            }
            else if (!CountryCodes.TryNormalize(site.Country, out var siteCountry))
            {
                Add("Country", "sites", site.Country.Trim());
            }
            else if (site.Address.Trim().Length > MaxAddress)
            {
                Add("TooLong", "sites", MaxAddress.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                sites.Add(new CertificateSite(site.Address.Trim(), siteCountry));
            }
        }

        var initial = Date(input.InitialIssueDate, "initial_issue_date", Add);
        var issue = Date(input.IssueDate, "issue_date", Add);
        var expiry = Date(input.ExpiryDate, "expiry_date", Add);
        if (initial is { } i && issue is { } d && i > d)
        {
            Add("DateOrder");
        }
        if (issue is { } iss && expiry is { } exp && !CertificateRules.IsWithinCycle(iss, exp))
        {
            Add("Cycle", CertificateRules.MaxYears.ToString(CultureInfo.InvariantCulture));
        }
        if (issue is { } future && future > today)
        {
            Add("IssueInFuture", Iso(future));
        }

        CertificateStatus? status = null;
        if (Enum.TryParse<CertificateStatus>(input.Status.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(input.Status, out _))
        {
            status = parsed;
            if (expiry is { } e && CertificateRules.IsDueToExpire(parsed, e, today))
            {
                Add("PastExpiry", parsed.ToString(), Iso(e));
            }
        }
        else
        {
            Add("Status", input.Status.Trim());
        }

        var reason = input.StatusReason?.Trim();
        if (reason is { Length: > MaxReason })
        {
            Add("TooLong", "status_reason", MaxReason.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var sector in input.IafSectors ?? [])
        {
            if (sector is < 1 or > 39)
            {
                Add("IafSector", sector.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (body is not null && issue is { } issued)
        {
            foreach (var standard in standards)
            {
                var held = body.Accreditations.Where(a => a.Standard == standard).ToList();
                if (held.Count == 0)
                {
                    Add("NotAccredited", body.Code, standard);
                }
                else if (!held.Any(a => a.ValidFrom <= issued && issued <= a.ValidTo))
                {
                    Add("AccreditationDates", Iso(issued), body.Code, standard);
                }
            }
        }

        if (problems.Count > before)
        {
            return null;
        }
        return new CertificateRecord(
            line, body!.Id, number, organization, country,
            NullIfEmpty(input.OrganizationAddress), NullIfEmpty(input.CompanyNumber),
            [.. standards], scope, input.IafSectors is null ? null : [.. input.IafSectors.Distinct().Order()], [.. sites],
            initial!.Value, issue!.Value, expiry!.Value, status!.Value, NullIfEmpty(reason));
    }

    // A file names the same few standards over and over: each spelling is parsed once.
    private readonly Dictionary<string, (string Canonical, (string Code, string[] Args)? Problem)> _standards = new(StringComparer.Ordinal);

    private (string Canonical, (string Code, string[] Args)? Problem) Standard(string raw)
    {
        if (!_standards.TryGetValue(raw, out var known))
        {
            var problem = StandardReference.Check(raw, out var canonical);
            known = (canonical, problem);
            if (_standards.Count < 10_000)
            {
                _standards[raw] = known;
            }
        }
        return known;
    }

    private static void Text(string value, string field, int max, Action<string, string[]> add)
    {
        if (value.Length == 0)
        {
            add("Required", [field]);
        }
        else if (value.Length > max)
        {
            add("TooLong", [field, max.ToString(CultureInfo.InvariantCulture)]);
        }
        else if (value.Any(char.IsControl) && field != "scope")
        {
            add("ControlCharacter", [field]);
        }
    }

    private static DateOnly? Date(string text, string field, Action<string, string[]> add)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            add("Required", [field]);
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        add("Date", [field, value.Length > 40 ? value[..40] + "…" : value]);
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
