using System.Net;
using System.Text.RegularExpressions;
using Normative.Features.Content.Pages;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>The default texts shipped in the program: every page in every language, each in the shared format, every link alive.</summary>
public partial class PageDefaultsTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private static readonly string[] Languages = ["en", "fr", "es", "ru"];

    [Fact]
    public void EveryPageHasAParsingTextInEveryLanguage()
    {
        var files = PageDefaults.Files;
        var missing = InstitutionalPages.All.SelectMany(e => Languages.Select(l => e.Slug + "." + l)).Where(n => !files.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        var broken = files.Where(f => f.Value is null).Select(f => f.Key).ToList();
        Assert.True(broken.Count == 0, "not in the format (title line, blank, summary, body): " + string.Join(", ", broken));
    }

    [Fact]
    public async Task EveryRootRelativeLinkInTheDefaultTextsLeadsToALivePage()
    {
        var links = PageDefaults.Files.Values.OfType<PageText>()
            .SelectMany(t => Link().Matches(t.Body).Select(m => m.Groups[1].Value.Split('#', '?')[0]))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(links);
        var client = factory.Browser();
        var dead = new List<string>();
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            // /account sends a visitor to sign in, /api/docs to its index: follow the one redirect.
            if (response.Headers.Location is { } next)
            {
                response = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, next));
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                dead.Add($"{link} ({(int)response.StatusCode})");
            }
        }
        Assert.True(dead.Count == 0, "dead links: " + string.Join(", ", dead));
    }

    [GeneratedRegex(@"\]\((/[^)\s]*)\)")]
    private static partial Regex Link();
}
