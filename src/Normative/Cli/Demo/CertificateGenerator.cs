using System.Globalization;
using Bogus;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Shared;

namespace Normative.Cli.Demo;

/// <summary>
/// Writes a realistic, deterministic certificate file in the upload format: organization names and
/// addresses per country (Bogus locales), countries weighted roughly as in the ISO Survey, the
/// standards' real shares (ISO 9001 about 60 %, ISO 14001 about 20 %, then ISO 45001, ISO/IEC 27001,
/// ISO 22000, ISO 13485, ISO 50001) and a realistic share of suspended, withdrawn, expired and
/// cancelled certificates. The bodies it uses are those of <see cref="CertificationDemo"/>.
/// </summary>
public sealed class CertificateGenerator
{
    private static readonly (string Country, string Locale, double Weight)[] Countries =
    [
        ("CN", "zh_CN", 30), ("IT", "it", 8), ("DE", "de", 6), ("JP", "ja", 5), ("IN", "en_IND", 5), ("ES", "es", 5),
        ("GB", "en_GB", 4), ("FR", "fr", 3.5), ("US", "en_US", 3), ("BR", "pt_BR", 2.5), ("KR", "ko", 2), ("TR", "tr", 2),
        ("PL", "pl", 1.5), ("NL", "nl", 1.5), ("RU", "ru", 1.5), ("MX", "es_MX", 1.5), ("CZ", "cz", 1.2), ("RO", "ro", 1.2),
        ("SE", "sv", 1), ("AU", "en_AU", 1), ("CA", "en_CA", 1), ("VN", "vi", 1), ("ID", "id_ID", 1), ("PT", "pt_PT", 1),
        ("AT", "de_AT", 0.8), ("CH", "de_CH", 0.8), ("BE", "nl_BE", 0.8), ("UA", "uk", 0.7), ("SK", "sk", 0.6), ("FI", "fi", 0.5),
        ("NO", "nb_NO", 0.5), ("ZA", "en_ZA", 0.5), ("IE", "en_IE", 0.5), ("GR", "el", 0.5), ("HR", "hr", 0.4), ("TW", "zh_TW", 1),
    ];

    /// <summary>Shares in per cent of certificates by their main standard.</summary>
    private static readonly (string Standard, double Share)[] Standards =
    [
        ("ISO 9001:2015", 60), ("ISO 14001:2015", 20), ("ISO 45001:2018", 8), ("ISO/IEC 27001:2022", 6),
        ("ISO 22000:2018", 3), ("ISO 13485:2016", 2), ("ISO 50001:2018", 1),
    ];

    private static readonly string[] Activities =
    [
        "Design, manufacture and sale of {0}", "Manufacture and distribution of {0}", "Wholesale and logistics of {0}",
        "Installation, maintenance and repair of {0}", "Engineering and supply of {0}", "Import, storage and distribution of {0}",
    ];

    private readonly Random _random;
    private readonly DateOnly _reference;
    private readonly Dictionary<string, Faker> _fakers = [];
    private readonly int _seed;
    private readonly double _countryTotal = Countries.Sum(c => c.Weight);
    private readonly double _standardTotal = Standards.Sum(s => s.Share);

    /// <param name="reference">The day the data set describes: Active certificates expire at least 40 days after it.</param>
    public CertificateGenerator(int seed, DateOnly reference)
    {
        _seed = seed;
        _random = new Random(seed);
        _reference = reference;
    }

    /// <summary>Writes the header and <paramref name="count"/> rows.</summary>
    public void Write(TextWriter output, int count, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var csv = Csv.ForData(output, leaveOpen: true))
        {
            csv.WriteRecord(CertificateCsv.Header.ToArray());
            for (var i = 1; i <= count; i++)
            {
                csv.WriteRecord(NextRow(i));
                if (i % 10_000 == 0)
                {
                    progress?.Invoke(i);
                }
            }
        }
        progress?.Invoke(count);
    }

    /// <summary>The rows as fields, for loading without a file.</summary>
    public IEnumerable<string[]> Rows(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return NextRow(i);
        }
    }

    private string[] NextRow(int index)
    {
        var (country, locale) = PickCountry();
        var faker = Faker(locale);
        var standard = PickStandard();
        var body = PickBody(country, standard);
        var standards = standard == "ISO 9001:2015" && _random.NextDouble() < 0.12 && body.Standards.Contains("ISO 14001:2015")
            ? "ISO 9001:2015;ISO 14001:2015"
            : standard;

        var roll = _random.NextDouble();
        var status = roll < 0.84 ? CertificateStatus.Active
            : roll < 0.89 ? CertificateStatus.Expired
            : roll < 0.94 ? CertificateStatus.Suspended
            : roll < 0.98 ? CertificateStatus.Withdrawn
            : CertificateStatus.Cancelled;
        DateOnly issue;
        if (status == CertificateStatus.Expired || (status is CertificateStatus.Withdrawn or CertificateStatus.Cancelled && _random.NextDouble() < 0.5))
        {
            // A cycle that ended before the reference day.
            issue = _reference.AddDays(-(3 * 365 + 1 + _random.Next(3 * 365)));
        }
        else
        {
            // A cycle still running, ending at least 40 days after the reference day.
            issue = _reference.AddDays(-(1 + _random.Next(3 * 365 - 42)));
        }
        var expiry = issue.AddYears(CertificateRules.MaxYears);
        var initial = issue.AddYears(-3 * _random.Next(0, 5));

        var organization = Clean(faker.Company.CompanyName());
        var sites = new List<string> { $"{Address(faker)}|{country}" };
        var extra = _random.NextDouble();
        if (extra > 0.75)
        {
            sites.Add($"{Address(faker)}|{country}");
        }
        if (extra > 0.95)
        {
            var (other, otherLocale) = PickCountry();
            sites.Add($"{Address(Faker(otherLocale))}|{other}");
        }
        var scope = string.Format(CultureInfo.InvariantCulture, Activities[_random.Next(Activities.Length)], Clean(faker.Commerce.Product()).ToLowerInvariant() + " products");
        var number = $"{body.Code}-{issue.Year}-{index:D7}";
        return
        [
            number, body.Code, organization, country, standards, scope, string.Join(';', sites),
            Iso(initial), Iso(issue), Iso(expiry), status.ToString(),
        ];
    }

    private (string Country, string Locale) PickCountry()
    {
        var x = _random.NextDouble() * _countryTotal;
        foreach (var (country, locale, weight) in Countries)
        {
            if ((x -= weight) < 0)
            {
                return (country, locale);
            }
        }
        return (Countries[0].Country, Countries[0].Locale);
    }

    private string PickStandard()
    {
        var x = _random.NextDouble() * _standardTotal;
        foreach (var (standard, share) in Standards)
        {
            if ((x -= share) < 0)
            {
                return standard;
            }
        }
        return Standards[0].Standard;
    }

    /// <summary>Mostly a body of the organization's own country, when it is accredited for the standard; otherwise another that is.</summary>
    private CertificationDemo.DemoBody PickBody(string country, string standard)
    {
        var local = CertificationDemo.Bodies.FirstOrDefault(b => b.Country == country && b.Standards.Contains(standard));
        if (local is not null && _random.NextDouble() < 0.7)
        {
            return local;
        }
        var able = CertificationDemo.Bodies.Where(b => b.Standards.Contains(standard)).ToList();
        return able[_random.Next(able.Count)];
    }

    private Faker Faker(string locale)
    {
        if (!_fakers.TryGetValue(locale, out var faker))
        {
            faker = new Faker(locale) { Random = new Randomizer(_seed * 7919 + _fakers.Count) };
            _fakers[locale] = faker;
        }
        return faker;
    }

    private static string Address(Faker faker) => Clean($"{faker.Address.StreetAddress()}, {faker.Address.City()}");

    /// <summary>Keeps the list separators of the sites and standards fields out of generated text.</summary>
    private static string Clean(string s) => s.Replace(';', ',').Replace('|', '/').Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
