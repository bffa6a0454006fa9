using System.Security.Cryptography;
using System.Text;

namespace Normative.Data;

/// <summary>One versioned SQL file from Data/Migrations, e.g. 0001_accounts.sql.</summary>
public sealed record Migration(string Version, string Name, string Sql)
{
    // Line endings are normalised so a checkout with CRLF does not look like an edit.
    public string Checksum =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migration).Assembly;
        const string prefix = "Normative.Data.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var name = n[prefix.Length..];
                return new Migration(name.Split('_', 2)[0], name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }
}
