using System.Collections.Frozen;

namespace Normative.Features.Content.Pages;

/// <summary>
/// The default texts built into the program (Defaults/{key}.{language}.md, embedded): what a page
/// shows until an Editor saves it, and what `normative pages defaults` and the demo load.
/// </summary>
public static class PageDefaults
{
    private const string Prefix = "Normative.Features.Content.Pages.Defaults.";

    private static readonly Lazy<FrozenDictionary<string, PageText>> Texts = new(Read);

    /// <summary>Every embedded file by its name ("about.en"), parsed; null for a file that does not parse.</summary>
    public static IReadOnlyDictionary<string, PageText?> Files => ReadAll();

    public static PageText? Get(string key, string language) => Texts.Value.GetValueOrDefault(key + "." + language);

    private static FrozenDictionary<string, PageText> Read() =>
        ReadAll().Where(f => f.Value is not null).ToFrozenDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);

    private static Dictionary<string, PageText?> ReadAll()
    {
        var assembly = typeof(PageDefaults).Assembly;
        var files = new Dictionary<string, PageText?>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name[Prefix.Length..^3]] = PageText.Parse(reader.ReadToEnd());
        }
        return files;
    }
}
