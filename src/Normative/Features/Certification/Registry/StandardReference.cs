using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Certification.Registry;

/// <summary>A standard a certificate is issued against: a published identifier with its year, in canonical form.</summary>
public static class StandardReference
{
    /// <returns>Null when fine (and <paramref name="canonical"/> is set), or the problem's code and arguments.</returns>
    public static (string Code, string[] Args)? Check(string input, out string canonical)
    {
        canonical = "";
        var text = input.Trim();
        if (!PublicationIdentifier.TryParse(text, out var id, out var error))
        {
            return ("Standard", [text, error]);
        }
        if (id.IsDraft)
        {
            return ("StandardDraft", [text]);
        }
        if (id.Year is null)
        {
            return ("StandardYear", [text]);
        }
        canonical = id.ToString();
        return null;
    }

    /// <summary>The canonical form of what a person typed in a search box, or the text itself.</summary>
    public static string Canonical(string input) =>
        PublicationIdentifier.TryParse(input.Trim(), out var id, out _) ? id.ToString() : input.Trim();
}
