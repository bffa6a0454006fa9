using System.Globalization;

namespace Normative.Features.Development.Comments;

/// <summary>
/// Orders clause references as they appear in a document: general comments first, then foreword,
/// introduction, numbered clauses (4.2 before 4.10), annexes (A.1 before B), then anything else.
/// </summary>
public sealed class ClauseOrder : IComparer<string?>
{
    public static readonly ClauseOrder Instance = new();

    private static readonly string[] General = ["", "general", "généralités", "general comment", "generalidades", "общие положения", "общее", "all", "ge"];
    private static readonly string[] Foreword = ["foreword", "avant-propos", "prólogo", "предисловие"];
    private static readonly string[] Introduction = ["introduction", "introducción", "введение"];

    /// <summary>Whether the clause names the whole document ("General", empty, "all"), as a general comment does.</summary>
    public static bool IsGeneral(string? clause) => General.Contains((clause ?? "").Trim().TrimEnd('.').ToLowerInvariant());

    public int Compare(string? x, string? y)
    {
        var a = Key(x);
        var b = Key(y);
        var byGroup = a.Group.CompareTo(b.Group);
        if (byGroup != 0)
        {
            return byGroup;
        }
        for (var i = 0; i < Math.Min(a.Parts.Count, b.Parts.Count); i++)
        {
            var c = ComparePart(a.Parts[i], b.Parts[i]);
            if (c != 0)
            {
                return c;
            }
        }
        var byLength = a.Parts.Count.CompareTo(b.Parts.Count);
        return byLength != 0 ? byLength : string.Compare(x?.Trim(), y?.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static int ComparePart(string a, string b)
    {
        var na = LeadingNumber(a);
        var nb = LeadingNumber(b);
        if (na is not null && nb is not null && na != nb)
        {
            return na.Value.CompareTo(nb.Value);
        }
        if ((na is null) != (nb is null))
        {
            return na is null ? 1 : -1;
        }
        return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static long? LeadingNumber(string part)
    {
        var digits = new string(part.TakeWhile(char.IsAsciiDigit).Take(9).ToArray());
        return digits.Length == 0 ? null : long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static (int Group, List<string> Parts) Key(string? clause)
    {
        var text = (clause ?? "").Trim().TrimEnd('.');
        var lower = text.ToLowerInvariant();
        if (General.Contains(lower))
        {
            return (0, []);
        }
        if (Foreword.Contains(lower))
        {
            return (1, []);
        }
        if (Introduction.Contains(lower))
        {
            return (2, []);
        }
        foreach (var prefix in new[] { "clause ", "article ", "cláusula ", "раздел ", "annex ", "annexe ", "anexo ", "приложение " })
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].Trim();
                break;
            }
        }
        var parts = text.Split(['.', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && char.IsAsciiDigit(parts[0][0]))
        {
            return (3, parts);
        }
        if (parts.Count > 0 && parts[0].Length == 1 && char.IsAsciiLetterUpper(parts[0][0]))
        {
            return (4, parts);
        }
        return (5, [text]);
    }
}
