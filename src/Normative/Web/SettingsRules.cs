using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Normative.Data;

namespace Normative.Web;

/// <summary>
/// The settings checked before anything starts, one line per problem, each naming the setting as it
/// is written in configuration and as an environment variable. Outside Development the site must be
/// told where its database is, its public address, its host names, how to send mail and what
/// encrypts its keys: guessing any of these on a public server loses data or leaks it.
/// </summary>
public static class SettingsRules
{
    public static IReadOnlyList<string> Check(IConfiguration configuration, bool isDevelopment)
    {
        var problems = new List<string>();
        void Problem(string key, string text) => problems.Add($"{key} ({key.Replace(":", "__", StringComparison.Ordinal)}) {text}");

        var embedded = configuration["Database:Embedded"];
        var embeddedAllowed = false;
        if (embedded is not null && !bool.TryParse(embedded, out embeddedAllowed))
        {
            Problem("Database:Embedded", $"is '{embedded}': write true or false.");
        }
        if (!isDevelopment && NormativeDatabase.ConfiguredConnectionString(configuration) is null && !embeddedAllowed)
        {
            Problem("ConnectionStrings:Normative", "is required outside Development: an Npgsql connection string such as " +
                "'Host=localhost;Database=normative;Username=normative;Password=…' (or set Database:Embedded=true for a private database on this machine only).");
        }

        var baseUrl = configuration["Site:BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            if (!isDevelopment)
            {
                Problem("Site:BaseUrl", "is required outside Development: the site's public address, e.g. https://standards.example.org; every link in mail uses it.");
            }
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https") || site.Query.Length > 0 || site.Fragment.Length > 0)
        {
            Problem("Site:BaseUrl", $"is '{baseUrl}', which is not an http or https address such as https://standards.example.org.");
        }
        else if (!isDevelopment && site.Scheme == "http" && !site.IsLoopback)
        {
            Problem("Site:BaseUrl", $"is '{baseUrl}': a public site must be served over https (links in mail carry sign-in secrets).");
        }

        if (!isDevelopment && configuration["AllowedHosts"]?.Trim() == "*")
        {
            Problem("AllowedHosts", "is '*': list the site's host names separated by ';' (e.g. standards.example.org), or leave it unset to take Site:BaseUrl's host.");
        }

        var certificate = configuration["DataProtection:Certificate"];
        if (string.IsNullOrWhiteSpace(certificate))
        {
            if (!isDevelopment)
            {
                Problem("DataProtection:Certificate", "is required outside Development: a .pem (certificate and RSA key) or .pfx file that encrypts the sign-in keys kept in the database " +
                    "(make one with: openssl req -x509 -newkey rsa:3072 -nodes -days 36500 -subj /CN=normative -keyout key.pem -out cert.pem; cat cert.pem key.pem > data-protection.pem).");
            }
        }
        else
        {
            CheckCertificate(configuration, "DataProtection:Certificate", "DataProtection:CertificatePassword", Problem);
        }
        if (!string.IsNullOrWhiteSpace(configuration["DataProtection:PreviousCertificate"]))
        {
            CheckCertificate(configuration, "DataProtection:PreviousCertificate", "DataProtection:PreviousCertificatePassword", Problem);
        }

        var from = configuration["Mail:From"];
        if (from is not null && !MimeKit.MailboxAddress.TryParse(from, out _))
        {
            Problem("Mail:From", $"is '{from}', which is not a mail address such as 'Standards Body <no-reply@example.org>'.");
        }
        var smtpHost = configuration["Mail:Smtp:Host"];
        if (!isDevelopment && string.IsNullOrWhiteSpace(smtpHost) && string.IsNullOrWhiteSpace(configuration["Mail:PickupDirectory"]))
        {
            Problem("Mail:Smtp:Host", "is required outside Development: the SMTP server that sends the site's mail (or set Mail:PickupDirectory to have mail written as files there).");
        }
        CheckInteger(configuration, "Mail:Smtp:Port", 1, 65535, Problem);
        CheckInteger(configuration, "Mail:MaxAttempts", 1, 100, Problem);

        foreach (var proxy in List(configuration, "Proxy:KnownProxies"))
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                Problem("Proxy:KnownProxies", $"has '{proxy}', which is not an IP address such as 127.0.0.1.");
            }
        }
        foreach (var network in List(configuration, "Proxy:KnownNetworks"))
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                Problem("Proxy:KnownNetworks", $"has '{network}', which is not a network such as 10.0.0.0/8.");
            }
        }
        foreach (var address in List(configuration, "Metrics:AllowedAddresses"))
        {
            if (!IPAddress.TryParse(address, out _) && !IPNetwork.TryParse(address, out _))
            {
                Problem("Metrics:AllowedAddresses", $"has '{address}', which is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }
        // Administrators and editors sign in with a second factor; only a development machine may waive it.
        var staffTwoFactor = configuration["Accounts:StaffTwoFactor"];
        if (!string.IsNullOrWhiteSpace(staffTwoFactor) && !bool.TryParse(staffTwoFactor, out _))
        {
            Problem("Accounts:StaffTwoFactor", $"is '{staffTwoFactor}', which is neither true nor false.");
        }
        else if (!isDevelopment && bool.TryParse(staffTwoFactor, out var required) && !required)
        {
            Problem("Accounts:StaffTwoFactor", "may be false only in Development: administrators and editors must sign in with two-factor sign-in.");
        }
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(otlp) && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
        {
            problems.Add($"OTEL_EXPORTER_OTLP_ENDPOINT is '{otlp}', which is not an address such as http://localhost:4317.");
        }
        return problems;
    }

    /// <summary>A list setting: an array in JSON, or one value with ',' or ';' between items (handy in an environment file).</summary>
    public static IReadOnlyList<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    private static void CheckCertificate(IConfiguration configuration, string key, string passwordKey, Action<string, string> problem)
    {
        var path = configuration[key]!;
        if (!File.Exists(path))
        {
            problem(key, $"is '{path}', which does not exist (or this user cannot read it).");
            return;
        }
        try
        {
            using var certificate = DataProtectionSetup.LoadCertificate(path, configuration[passwordKey]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem(key, $"is '{path}', which cannot be used: {e.Message.TrimEnd('.')}. It must hold a certificate and its RSA private key ({passwordKey} for a protected file).");
        }
    }

    private static void CheckInteger(IConfiguration configuration, string key, int min, int max, Action<string, string> problem)
    {
        var value = configuration[key];
        if (value is not null && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max))
        {
            problem(key, $"is '{value}': write a whole number from {min} to {max}.");
        }
    }
}
