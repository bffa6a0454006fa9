using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Normative.Tests.Browser;

/// <summary>
/// Walks the site as the sitemap lists it, in the four languages, at 320, 390, 1,024 and 1,366 px, and
/// fails on what a reader would meet: a page wider than its window, a placeholder cut short, a serious
/// or critical axe violation, an interface text left in English (or a resource key shown instead of
/// it), a console error, a link that answers 4xx/5xx. In CI a fixed sample of every sitemap file;
/// with NORMATIVE_SITE_WALK=all every address (bench/site/run.sh). NORMATIVE_SITE_WALK_REPORT names a
/// file for the figures.
/// </summary>
public partial class SiteWalkBrowserTests(SiteWalkFixture site, ITestOutputHelper output) : IClassFixture<SiteWalkFixture>
{
    private static readonly int[] Widths = [1366, 1024, 390, 320];
    private static readonly string[] Languages = ["en", "fr", "es", "ru"];
    private const int SamplePerSitemapFile = 2;
    // Only violations: axe then skips building the passes, which halves its time on long pages.
    private static readonly AxeRunOptions AxeOptions = new() { ResultTypes = [ResultType.Violations] };

    [Fact]
    public async Task EveryPageFitsEveryWidthIsAccessibleTranslatedAndLinksOnlyToLivePages()
    {
        var clock = Stopwatch.StartNew();
        await site.LoadDemoAsync();
        output.WriteLine($"demo data loaded in {clock.Elapsed.TotalSeconds:F0} s");
        var all = Environment.GetEnvironmentVariable("NORMATIVE_SITE_WALK") == "all";
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var files = await SitemapAsync(http);
        var paths = files.SelectMany(f => all ? f.Paths : Sample(f.Paths, SamplePerSitemapFile)).ToList();
        // Pages the sitemap cannot list: search answers, the cart, a certificate, the API's documentation.
        paths.AddRange(["/search?q=quality+management", "/cart", $"/certification/certificates/{await site.SomeCertificateAsync()}", "/api/docs/index.html"]);
        paths = paths.Distinct().ToList();

        var texts = InterfaceTexts.Load();
        var problems = new ConcurrentBag<string>();
        var links = new ConcurrentDictionary<string, string>();
        var checks = 0;
        var axeRuns = 0;
        var work = new ConcurrentQueue<(string Path, string Language)>(Languages.SelectMany(l => paths.Select(p => (p, l))));
        var workers = Enumerable.Range(0, all ? 3 : 2).Select(async _ =>
        {
            var contexts = new Dictionary<string, (IBrowserContext Context, IPage Page, List<string> Console)>();
            try
            {
                while (work.TryDequeue(out var item))
                {
                    if (!contexts.TryGetValue(item.Language, out var tab))
                    {
                        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
                        var page = await context.NewPageAsync();
                        var console = new List<string>();
                        page.Console += (_, m) => { if (m.Type == "error") { lock (console) { console.Add(m.Text); } } };
                        page.PageError += (_, e) => { lock (console) { console.Add(e); } };
                        contexts[item.Language] = tab = (context, page, console);
                    }
                    await CheckAsync(tab.Page, tab.Console, item.Path, item.Language);
                }
            }
            finally
            {
                foreach (var (context, _, _) in contexts.Values)
                {
                    await context.CloseAsync();
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        output.WriteLine($"pages walked at {clock.Elapsed.TotalSeconds:F0} s");

        var broken = await BrokenLinksAsync(http, links);
        foreach (var line in broken)
        {
            problems.Add(line);
        }

        var summary = $"{paths.Count} pages × {Widths.Length} widths × {Languages.Length} languages = {checks} page checks ({axeRuns} axe runs), "
            + $"{links.Count} distinct internal links followed; {problems.Count} problems; {clock.Elapsed.TotalSeconds:F0} s";
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("NORMATIVE_SITE_WALK_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllLinesAsync(report, [summary, .. problems.Order(StringComparer.Ordinal)]);
        }
        Assert.True(problems.IsEmpty, summary + "\n" + string.Join("\n", problems.Order(StringComparer.Ordinal).Take(200)));

        async Task CheckAsync(IPage page, List<string> console, string path, string language)
        {
            var url = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + language;
            lock (console)
            {
                console.Clear();
            }
            await page.SetViewportSizeAsync(1366, 900);
            IResponse? response;
            try
            {
                response = await page.GotoAsync(url, new PageGotoOptions { Timeout = 60_000 });
            }
            catch (PlaywrightException e)
            {
                problems.Add($"{path} × {language}: did not load ({e.Message.Split('\n')[0]})");
                return;
            }
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{path} × {language}: answered {response?.Status}");
                return;
            }
            if (path.StartsWith("/api/docs", StringComparison.Ordinal))
            {
                await page.WaitForSelectorAsync(".swagger-ui .info .title", new PageWaitForSelectorOptions { Timeout = 30_000 });
            }

            var axe = await page.RunAxe(AxeOptions);
            Interlocked.Increment(ref axeRuns);
            foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                problems.Add($"{path} × 1366 × {language}: axe {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html))}");
            }

            if (!path.StartsWith("/api/docs", StringComparison.Ordinal))
            {
                var shown = await page.EvaluateAsync<string[]>(ShownTextsScript);
                foreach (var text in shown.Distinct())
                {
                    if (texts.IsKey(text))
                    {
                        problems.Add($"{path} × {language}: resource key shown: \"{text}\"");
                    }
                    else if (language != "en" && texts.IsEnglishOnly(text, language))
                    {
                        problems.Add($"{path} × {language}: English interface text: \"{text}\"");
                    }
                }
            }

            foreach (var href in await page.EvaluateAsync<string[]>(LinksScript))
            {
                links.TryAdd(href, path);
            }

            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, width < 800 ? 844 : 900);
                var fit = await page.EvaluateAsync<FitResult>(FitScript);
                Interlocked.Increment(ref checks);
                if (fit.ScrollWidth > fit.InnerWidth)
                {
                    problems.Add($"{path} × {width} × {language}: {fit.ScrollWidth} px wide ({fit.Widest})");
                }
                foreach (var clipped in fit.ClippedPlaceholders)
                {
                    problems.Add($"{path} × {width} × {language}: placeholder cut short: \"{clipped}\"");
                }
            }

            lock (console)
            {
                foreach (var message in console.Distinct())
                {
                    problems.Add($"{path} × {language}: console error: {(message.Length > 200 ? message[..200] : message)}");
                }
            }
        }
    }

    private sealed record SitemapFile(string Name, IReadOnlyList<string> Paths);

    public sealed class FitResult
    {
        public int ScrollWidth { get; set; }
        public int InnerWidth { get; set; }
        public string Widest { get; set; } = "";
        public string[] ClippedPlaceholders { get; set; } = [];
    }

    private static async Task<List<SitemapFile>> SitemapAsync(HttpClient http)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await http.GetStringAsync("/sitemap.xml"));
        var files = new List<SitemapFile>();
        foreach (var loc in index.Descendants(ns + "loc").Select(l => new Uri(l.Value)))
        {
            var file = XDocument.Parse(await http.GetStringAsync(loc.PathAndQuery));
            files.Add(new SitemapFile(loc.AbsolutePath, file.Descendants(ns + "url").Select(u => new Uri(u.Element(ns + "loc")!.Value).PathAndQuery).ToList()));
        }
        return files;
    }

    /// <summary>The first address and others evenly spread over the file: the same ones every run.</summary>
    private static IEnumerable<string> Sample(IReadOnlyList<string> paths, int count)
    {
        if (paths.Count <= count)
        {
            return paths;
        }
        return Enumerable.Range(0, count).Select(i => paths[(int)((long)i * (paths.Count - 1) / (count - 1))]);
    }

    private async Task<List<string>> BrokenLinksAsync(HttpClient http, ConcurrentDictionary<string, string> links)
    {
        var broken = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(links, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (link, ct) =>
        {
            using var response = await http.GetAsync(link.Key, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode >= 400)
            {
                broken.Add($"{link.Value} × link: {link.Key} answers {(int)response.StatusCode}");
            }
        });
        output.WriteLine($"{links.Count} links checked");
        return [.. broken];
    }

    /// <summary>Links to this site's pages (not to the language menu's redirect, not to files), without their fragment.</summary>
    private const string LinksScript = """
        () => [...new Set([...document.querySelectorAll('a[href]')]
            .map(a => new URL(a.getAttribute('href'), location.href))
            .filter(u => u.origin === location.origin && !u.pathname.startsWith('/language'))
            .map(u => u.pathname + u.search))]
        """;

    /// <summary>
    /// The page's own texts a reader meets (text, placeholders, labels, alternative texts), without
    /// those marked as another language (the language menu's names).
    /// </summary>
    private const string ShownTextsScript = """
        () => {
            const page = document.documentElement.lang;
            const out = [];
            const foreign = el => { const l = el && el.closest('[lang]'); return l && l.lang !== page; };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const el = n.parentElement;
                if (!el || el.closest('script,style,noscript,template,code,pre,textarea') || foreign(el)) continue;
                const t = n.textContent.replace(/\s+/g, ' ').trim();
                if (t) out.push(t);
            }
            for (const el of document.querySelectorAll('[placeholder],[aria-label],[title],img[alt]')) {
                if (foreign(el)) continue;
                for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
                    const v = (el.getAttribute(a) || '').trim();
                    if (v) out.push(v);
                }
            }
            return out;
        }
        """;

    /// <summary>The page's width against the window's, the widest element that sticks out, and placeholders wider than their box.</summary>
    private const string FitScript = """
        () => {
            const doc = document.documentElement;
            let widest = '';
            if (doc.scrollWidth > innerWidth) {
                // The text or element that sticks out, outside any box that scrolls or clips it.
                const inScroller = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
                const name = el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n && !widest; n = walker.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    if (range.getBoundingClientRect().right > innerWidth + 0.5 && !inScroller(n.parentElement)) widest = name(n.parentElement) + ' "' + n.textContent.trim().slice(0, 40) + '"';
                }
                for (const el of document.body.querySelectorAll('*')) {
                    if (widest) break;
                    if (el.getBoundingClientRect().right > innerWidth + 0.5 && !inScroller(el)) widest = name(el);
                }
            }
            const canvas = document.createElement('canvas').getContext('2d');
            const clipped = [];
            for (const input of document.querySelectorAll('input[placeholder]')) {
                if (!input.checkVisibility() || input.value) continue;
                const s = getComputedStyle(input);
                canvas.font = s.font;
                const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                if (canvas.measureText(input.placeholder).width > room + 1) clipped.push(input.placeholder);
            }
            return { scrollWidth: doc.scrollWidth, innerWidth: innerWidth, widest: widest, clippedPlaceholders: clipped };
        }
        """;

    /// <summary>The interface's texts from the resource files: every key, and in each language the English texts it translates differently.</summary>
    private sealed partial class InterfaceTexts
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _englishOnly = [];

        public bool IsKey(string text) => text.Length > 3 && KeyShape().IsMatch(text) && _keys.Contains(text);

        public bool IsEnglishOnly(string text, string language) => _englishOnly[language].Contains(text);

        public static InterfaceTexts Load()
        {
            var texts = new InterfaceTexts();
            var folder = ResourcesFolder();
            var neutral = Directory.GetFiles(folder, "*.resx", SearchOption.AllDirectories)
                .Where(f => Path.GetFileNameWithoutExtension(f).Count(c => c == '.') == 0).ToList();
            foreach (var language in Languages.Where(l => l != "en"))
            {
                var english = new Dictionary<string, string>(StringComparer.Ordinal);
                var translated = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var file in neutral)
                {
                    var prefix = Path.GetFileNameWithoutExtension(file) + ":";
                    foreach (var (key, value) in Read(file))
                    {
                        english[prefix + key] = value;
                        texts._keys.Add(key);
                    }
                    foreach (var (key, value) in Read(Path.ChangeExtension(file, null) + "." + language + ".resx"))
                    {
                        translated[prefix + key] = value;
                    }
                }
                var inLanguage = translated.Values.Select(Normalize).ToHashSet(StringComparer.Ordinal);
                // Texts worth a verdict: whole phrases without placeholders or markup, that this language says otherwise.
                texts._englishOnly[language] = english
                    .Where(e => translated.TryGetValue(e.Key, out var t) && Normalize(t) != Normalize(e.Value))
                    .Select(e => Normalize(e.Value))
                    .Where(v => v.Length >= 4 && !v.Contains('{', StringComparison.Ordinal) && !v.Contains('<', StringComparison.Ordinal) && v.Any(char.IsLetter) && !inLanguage.Contains(v))
                    .ToHashSet(StringComparer.Ordinal);
            }
            return texts;
        }

        private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

        private static IEnumerable<(string Key, string Value)> Read(string path) =>
            XDocument.Load(path).Root!.Elements("data").Select(d => (d.Attribute("name")!.Value, d.Element("value")?.Value ?? ""));

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

        [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$")]
        private static partial Regex KeyShape();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();
    }
}
