using System.Globalization;
using System.Text;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// What a clause is and whether everyone may read it. ISO's free preview (as on the Online Browsing
/// Platform) is the foreword, introduction, scope, normative references and terms and definitions;
/// clause 4 onwards, the annexes and the bibliography need a licence.
/// </summary>
public static class ClauseRules
{
    public static bool IsPreview(ClauseKind kind) => kind is ClauseKind.Foreword or ClauseKind.Introduction
        or ClauseKind.Scope or ClauseKind.NormativeReferences or ClauseKind.TermsAndDefinitions;

    /// <summary>The kind of a top-level clause from its STS type, its title or, failing those, ISO's fixed numbering (1 scope, 2 normative references, 3 terms).</summary>
    public static ClauseKind KindOf(string element, string? secType, string? title, string? number)
    {
        if (element is "app" or "annex")
        {
            return ClauseKind.Annex;
        }
        if (element is "ref-list")
        {
            return ClauseKind.Bibliography;
        }
        switch (secType?.Trim().ToLowerInvariant())
        {
            case "foreword": return ClauseKind.Foreword;
            case "intro" or "introduction": return ClauseKind.Introduction;
            case "scope": return ClauseKind.Scope;
            case "norm-refs" or "normative-references": return ClauseKind.NormativeReferences;
            case "terms" or "terms-and-definitions": return ClauseKind.TermsAndDefinitions;
            case "bibl" or "bibliography": return ClauseKind.Bibliography;
            case "annex" or "app": return ClauseKind.Annex;
        }
        var t = Fold(title);
        if (t.StartsWith("foreword", StringComparison.Ordinal) || t.StartsWith("avant-propos", StringComparison.Ordinal))
        {
            return ClauseKind.Foreword;
        }
        if (t.StartsWith("introduction", StringComparison.Ordinal) && string.IsNullOrEmpty(number))
        {
            return ClauseKind.Introduction;
        }
        if (t.StartsWith("bibliograph", StringComparison.Ordinal))
        {
            return ClauseKind.Bibliography;
        }
        if (t is "scope" or "domaine d'application" or "domaine d’application")
        {
            return ClauseKind.Scope;
        }
        if (t is "normative references" or "references normatives")
        {
            return ClauseKind.NormativeReferences;
        }
        if (t.StartsWith("terms and definitions", StringComparison.Ordinal) || t.StartsWith("termes et definitions", StringComparison.Ordinal)
            || t.StartsWith("terms, definitions", StringComparison.Ordinal) || t.StartsWith("termes, definitions", StringComparison.Ordinal))
        {
            return ClauseKind.TermsAndDefinitions;
        }
        if (number is not null && number.StartsWith("Annex", StringComparison.OrdinalIgnoreCase))
        {
            return ClauseKind.Annex;
        }
        return number?.Trim() switch
        {
            "1" when t.Length == 0 => ClauseKind.Scope,
            "2" when t.Length == 0 => ClauseKind.NormativeReferences,
            "3" when t.Length == 0 => ClauseKind.TermsAndDefinitions,
            _ => ClauseKind.Clause,
        };
    }

    /// <summary>
    /// A stable anchor: from the clause number ("sec_3.1.1", "sec_A.2"), else from the kind
    /// ("sec_foreword"), else from the element's id; made unique by the caller.
    /// </summary>
    public static string AnchorOf(string? number, ClauseKind kind, string? xmlId)
    {
        if (!string.IsNullOrWhiteSpace(number))
        {
            var n = number.Trim();
            if (n.StartsWith("Annex ", StringComparison.OrdinalIgnoreCase))
            {
                n = n[6..];
            }
            return "sec_" + Safe(n);
        }
        return kind switch
        {
            ClauseKind.Foreword => "sec_foreword",
            ClauseKind.Introduction => "sec_introduction",
            ClauseKind.Bibliography => "sec_bibliography",
            _ when !string.IsNullOrWhiteSpace(xmlId) => "sec_" + Safe(xmlId),
            _ => "sec",
        };
    }

    /// <summary>The characters an anchor and a URN segment may carry: letters, digits, '.', '-', '_'.</summary>
    public static string Safe(string value)
    {
        var s = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            s.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }
        return s.Length == 0 ? "_" : s.ToString();
    }

    private static string Fold(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "";
        }
        var d = title.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var s = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                s.Append(c);
            }
        }
        return s.ToString();
    }
}
