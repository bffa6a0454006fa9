namespace Normative.Features.Catalogue;

/// <summary>Reads committee references such as "ISO/TC 176/SC 2" and "ISO/IEC JTC 1/SC 27".</summary>
public static class CommitteeReferences
{
    /// <summary>
    /// The committee one level up: "ISO/TC 176" for "ISO/TC 176/SC 2", "ISO/IEC JTC 1" for
    /// "ISO/IEC JTC 1/SC 27"; null for a top-level committee ("ISO/TC 176", "ISO/CASCO").
    /// </summary>
    public static string? ParentOf(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }
        var slash = reference.LastIndexOf('/');
        if (slash <= 0)
        {
            return null;
        }
        var before = reference[..slash].TrimEnd();
        // "ISO/TC 176": the part before the slash is only the publisher, which has no number.
        return before.Any(char.IsDigit) ? before : null;
    }

    /// <summary>The top-level committee: "ISO/TC 176" for "ISO/TC 176/SC 2/WG 5".</summary>
    public static string TopOf(string reference)
    {
        var current = reference;
        while (ParentOf(current) is { } parent)
        {
            current = parent;
        }
        return current;
    }
}
