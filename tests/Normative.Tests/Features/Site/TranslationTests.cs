using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Normative.Tests.Features.Site;

/// <summary>Every text has its French, Spanish and Russian version, with the same placeholders.</summary>
public partial class TranslationTests
{
    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder(), "*.resx", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileNameWithoutExtension(f).Count(c => c == '.') == 0))
        {
            data.Add(Path.GetRelativePath(ResourcesFolder(), file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryTextIsTranslatedWithTheSamePlaceholders(string neutralFile)
    {
        var neutral = Read(Path.Combine(ResourcesFolder(), neutralFile));
        Assert.NotEmpty(neutral);
        foreach (var culture in new[] { "fr", "es", "ru" })
        {
            var path = Path.Combine(ResourcesFolder(), Path.ChangeExtension(neutralFile, null) + $".{culture}.resx");
            Assert.True(File.Exists(path), $"{path} is missing");
            var translated = Read(path);
            var missing = neutral.Keys.Except(translated.Keys).ToList();
            // A language may have plural forms English has not (Russian: .Few, .Many) beside the .Other English has.
            var extra = translated.Keys.Except(neutral.Keys)
                .Where(k => !(k.EndsWith(".Few", StringComparison.Ordinal) || k.EndsWith(".Many", StringComparison.Ordinal)) || !neutral.ContainsKey(k[..k.LastIndexOf('.')] + ".Other"))
                .ToList();
            Assert.True(missing.Count == 0, $"{culture}: missing {string.Join(", ", missing.Take(20))}");
            Assert.True(extra.Count == 0, $"{culture}: unknown keys {string.Join(", ", extra.Take(20))}");
            foreach (var (key, english) in neutral)
            {
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{culture}: {key} is empty");
                Assert.Equal(Placeholders(english), Placeholders(translated[key]));
            }
        }
    }

    /// <summary>
    /// A text that opens on a count and a plural noun ("{0} standards serve this goal") reads "1 standards"
    /// for one: it needs its singular (key.One, shown through Plurals.Plural). The exceptions name
    /// texts whose count is never 1 (several certificates; a track of 18, 24 or 36 months; a shipping
    /// band from 1 page says "any number of pages") and staff
    /// summaries with several counts in one sentence, not yet split into singular and plural.
    /// </summary>
    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ATextOpeningOnACountHasItsSingular(string neutralFile)
    {
        string[] exceptions =
        [
            "Verify.Several", "Bulk.Summary", "Bulk.Applied", "Changes.Summary", "Upload.Clauses", "Upload.Result.Loaded", "Import.FieldCount", "Project.TrackMonths", "Store.ShippingBandFrom",
        ];
        var texts = Read(Path.Combine(ResourcesFolder(), neutralFile));
        var withoutSingular = texts
            .Where(t => CountAndPluralNoun().IsMatch(t.Value) && !PluralCategory().IsMatch(t.Key) && !texts.ContainsKey(t.Key + ".One") && !exceptions.Contains(t.Key))
            .Select(t => $"{t.Key}: {t.Value}")
            .ToList();
        Assert.True(withoutSingular.Count == 0, string.Join("\n", withoutSingular));
    }

    [GeneratedRegex(@"^\(?\{0(:N0)?\} (?!is\b|was\b|has\b|does\b|contains\b|applies\b|belongs\b|lies\b|invites\b)[a-z]+s\b")]
    private static partial Regex CountAndPluralNoun();

    [GeneratedRegex(@"\.(One|Few|Many|Other)$")]
    private static partial Regex PluralCategory();

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order());

    private static string ResourcesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Normative", "Resources");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/Normative/Resources not found above the test folder.");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
