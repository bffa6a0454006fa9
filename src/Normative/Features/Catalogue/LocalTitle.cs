namespace Normative.Features.Catalogue;

/// <summary>A deliverable's title as shown to one reader, and the language it is written in (for the page's lang attribute).</summary>
public readonly record struct LocalTitle(string Text, string Language)
{
    /// <summary>
    /// The title in the reader's language when the deliverable has one; else English, then French
    /// (the catalogue's two languages of record); else the title in the first language it is
    /// published in; else any title it has. A deliverable published in one language only shows
    /// that title to every reader. With no title at all (which the import and the forms refuse),
    /// the reference stands in.
    /// </summary>
    public static LocalTitle Pick(string language, string? en, string? fr, IReadOnlyDictionary<string, string>? others,
        IReadOnlyList<string>? published, string reference)
    {
        if (Of(language) is { } wanted)
        {
            return wanted;
        }
        if ((Of("en") ?? Of("fr")) is { } known)
        {
            return known;
        }
        foreach (var code in published ?? [])
        {
            if (Of(code) is { } title)
            {
                return title;
            }
        }
        if (others is { Count: > 0 })
        {
            var first = others.Where(t => !string.IsNullOrWhiteSpace(t.Value)).OrderBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault();
            if (first.Value is not null)
            {
                return new LocalTitle(first.Value, first.Key);
            }
        }
        return new LocalTitle(reference, "en");

        LocalTitle? Of(string code)
        {
            var text = code switch
            {
                "en" => en,
                "fr" => fr,
                _ => others?.GetValueOrDefault(code),
            };
            return string.IsNullOrWhiteSpace(text) ? null : new LocalTitle(text, code);
        }
    }
}
