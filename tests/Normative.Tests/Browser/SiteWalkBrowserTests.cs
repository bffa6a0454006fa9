using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Normative.Tests.Browser;

/// <summary>
/// Walks the site as the sitemap lists it, in the four languages, at 320, 390, 1,024 and 1,366 px, and
/// fails on what a reader would meet: a page wider than its window, a placeholder cut short, a serious
/// or critical axe violation, an interface text left in English (or a resource key shown instead of
/// it), a console error, a link that answers 4xx/5xx. In CI a fixed sample of every sitemap file;
/// with NORMATIVE_SITE_WALK=all every address, with NORMATIVE_SITE_WALK=200 (a number) that many
/// addresses spread evenly over the whole sitemap, to time a partial walk (bench/site/run.sh); with
/// NORMATIVE_SITE_WALK=/path/to/file the addresses listed in that file, one per line.
/// NORMATIVE_SITE_WALK_REPORT names a file for the totals, the time of each step and the problems;
/// NORMATIVE_SITE_WALK_PROGRESS a file that gets a line with the progress and the finish time every
/// 20 page × language checks.
/// </summary>
/// <remarks>
/// Each page is loaded once per language, at 1,366 px; axe runs there, then the window is narrowed to
/// 1,024, 390 and 320 px without reloading, and the page's width is measured at each. axe runs at one
/// width because what it checks (names, roles, contrast of colours, structure) is the same document at
/// every width; what changes with the width, the layout, is what the overflow check measures at all
/// four. Links are gathered from every walked page and each distinct one is asked for once over HTTP
/// at the end, not opened in the browser.
/// </remarks>
public partial class SiteWalkBrowserTests(SiteWalkFixture site, ITestOutputHelper output) : IClassFixture<SiteWalkFixture>
{
    private static readonly int[] Widths = [1366, 1024, 390, 320];
    private static readonly string[] Languages = ["en", "fr", "es", "ru"];
    private const int SamplePerSitemapFile = 2;
    private const int ProgressEvery = 20;
    private static readonly Lock ProgressLock = new();

    [Fact]
    public async Task EveryPageFitsEveryWidthIsAccessibleTranslatedAndLinksOnlyToLivePages()
    {
        var clock = Stopwatch.StartNew();
        await site.LoadDemoAsync();
        output.WriteLine($"demo data loaded in {clock.Elapsed.TotalSeconds:F0} s");
        var scope = Environment.GetEnvironmentVariable("NORMATIVE_SITE_WALK");
        var progressFile = Environment.GetEnvironmentVariable("NORMATIVE_SITE_WALK_PROGRESS");
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var files = await SitemapAsync(http);
        var listed = files.Sum(f => f.Paths.Count);
        var paths = scope switch
        {
            "all" => files.SelectMany(f => f.Paths).ToList(),
            _ when int.TryParse(scope, out var count) => Sample(files.SelectMany(f => f.Paths).ToList(), count).ToList(),
            // A file of addresses, one per line: walk again the pages a full walk found wanting.
            _ when File.Exists(scope) => File.ReadAllLines(scope).Select(l => l.Trim()).Where(l => l.StartsWith('/')).ToList(),
            _ => files.SelectMany(f => Sample(f.Paths, SamplePerSitemapFile)).ToList(),
        };
        // Pages the sitemap cannot list: search answers, the cart, a certificate, the API's documentation.
        paths.AddRange(["/search?q=quality+management", "/cart", $"/certification/certificates/{await site.SomeCertificateAsync()}", "/api/docs/index.html"]);
        paths = paths.Distinct().ToList();

        var texts = InterfaceTexts.Load();
        var problems = new ConcurrentBag<string>();
        var links = new ConcurrentDictionary<string, string>();
        var checks = 0;
        var axeRuns = 0;
        var walked = 0;
        var phases = new ConcurrentDictionary<string, double>();
        async Task<T> Timed<T>(string phase, Func<Task<T>> step)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await step();
            }
            finally
            {
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                phases.AddOrUpdate(phase, seconds, (_, sum) => sum + seconds);
            }
        }

        var total = paths.Count * Languages.Length;
        var walkClock = Stopwatch.StartNew();
        if (progressFile is { Length: > 0 })
        {
            await File.WriteAllTextAsync(progressFile, $"{paths.Count} addresses (of the sitemap's {listed}, and 4 it cannot list) × {Languages.Length} languages = {total} page × language checks\n");
        }
        var work = new ConcurrentQueue<(string Path, string Language)>(Languages.SelectMany(l => paths.Select(p => (p, l))));
        var workers = Enumerable.Range(0, scope is null ? 2 : 3).Select(async _ =>
        {
            var contexts = new Dictionary<string, (IBrowserContext Context, IPage Page, List<string> Console)>();
            try
            {
                while (work.TryDequeue(out var item))
                {
                    if (!contexts.TryGetValue(item.Language, out var tab))
                    {
                        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
                        await WalkAxe.AddToAsync(context);
                        var page = await context.NewPageAsync();
                        var console = new List<string>();
                        page.Console += (_, m) => { if (m.Type == "error") { lock (console) { console.Add(m.Text); } } };
                        page.PageError += (_, e) => { lock (console) { console.Add(e); } };
                        contexts[item.Language] = tab = (context, page, console);
                    }
                    await CheckAsync(tab.Page, tab.Console, item.Path, item.Language);
                    var done = Interlocked.Increment(ref walked);
                    if (progressFile is { Length: > 0 } && done % ProgressEvery == 0)
                    {
                        ReportProgress(progressFile, done, total, walkClock.Elapsed, problems.Count);
                    }
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
        var walkSeconds = walkClock.Elapsed.TotalSeconds;
        output.WriteLine($"pages walked at {clock.Elapsed.TotalSeconds:F0} s");

        var broken = await Timed("link check (HTTP, after the walk)", () => BrokenLinksAsync(http, links));
        foreach (var line in broken)
        {
            problems.Add(line);
        }

        var summary = $"{paths.Count} pages × {Widths.Length} widths × {Languages.Length} languages = {checks} page checks ({axeRuns} axe runs), "
            + $"{links.Count} distinct internal links followed; {problems.Count} problems; {clock.Elapsed.TotalSeconds:F0} s";
        var perCheck = $"walk {walkSeconds:F0} s for {total} page × language checks = {walkSeconds / total:F2} s each; time per step (s, summed over the walkers): "
            + string.Join(", ", phases.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F1}"));
        output.WriteLine(summary);
        output.WriteLine(perCheck);
        if (Environment.GetEnvironmentVariable("NORMATIVE_SITE_WALK_REPORT") is { Length: > 0 } report)
        {
            // The first line is read by bench/site/run.sh: key=value, no spaces in values.
            var totals = $"addresses={paths.Count} listed={listed} widths={Widths.Length} languages={Languages.Length} checks={checks} axe={axeRuns} "
                + $"links={links.Count} problems={problems.Count} walk_seconds={walkSeconds:F0} total_seconds={clock.Elapsed.TotalSeconds:F0} per_check={walkSeconds / total:F2}";
            await File.WriteAllLinesAsync(report, [totals, summary, perCheck, .. problems.Order(StringComparer.Ordinal)]);
        }
        Assert.True(problems.IsEmpty, summary + "\n" + string.Join("\n", problems.Order(StringComparer.Ordinal).Take(200)));

        async Task CheckAsync(IPage page, List<string> console, string path, string language)
        {
            var url = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + language;
            lock (console)
            {
                console.Clear();
            }
            await Timed("resize", async () => { await page.SetViewportSizeAsync(1366, 900); return 0; });
            IResponse? response;
            try
            {
                response = await Timed("navigate", () => page.GotoAsync(url, new PageGotoOptions { Timeout = 60_000 }));
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

            var violations = await Timed("axe", () => WalkAxe.SeriousViolationsAsync(page));
            Interlocked.Increment(ref axeRuns);
            foreach (var v in violations)
            {
                problems.Add($"{path} × 1366 × {language}: axe {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Length > 160 ? n[..160] : n))}");
            }

            if (!path.StartsWith("/api/docs", StringComparison.Ordinal))
            {
                var shown = await Timed("texts", () => page.EvaluateAsync<string[]>(ShownTextsScript));
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

            foreach (var href in await Timed("links", () => page.EvaluateAsync<string[]>(LinksScript)))
            {
                links.TryAdd(href, path);
            }

            foreach (var width in Widths)
            {
                if (width != 1366)
                {
                    await Timed("resize", async () => { await page.SetViewportSizeAsync(width, width < 800 ? 844 : 900); return 0; });
                }
                var fit = await Timed("fit", () => page.EvaluateAsync<FitResult>(FitScript));
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

    [Fact]
    public async Task AxeInThePageReportsTheSeriousAndCriticalViolationsThatRunAxeReports()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl });
        try
        {
            await WalkAxe.AddToAsync(context);
            var page = await context.NewPageAsync();
            await page.RouteAsync("**/walk-axe-probe*", route => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html",
                Body = route.Request.Url.EndsWith("framed", StringComparison.Ordinal) ? FramedProbePage : ProbePage,
            }));

            await page.GotoAsync("/walk-axe-probe");
            var inPage = await WalkAxe.SeriousViolationsAsync(page);
            var runAxe = await page.RunAxe();
            Assert.Equal(
                runAxe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).Order(),
                inPage.Select(v => v.Id).Order());
            Assert.Contains("image-alt", inPage.Select(v => v.Id));
            Assert.Contains("color-contrast", inPage.Select(v => v.Id));
            Assert.Contains("button-name", inPage.Select(v => v.Id));
            // The probe also breaks moderate rules (a heading level skipped, text outside landmarks): axe
            // reports them, and the walk neither runs nor reports them.
            Assert.Contains(runAxe.Violations, v => v.Impact == "moderate");
            Assert.DoesNotContain(inPage, v => v.Impact is "minor" or "moderate");
            // Nor experimental rules (p-as-heading would flag the bold paragraph), which axe skips unless asked.
            Assert.DoesNotContain("p-as-heading", inPage.Select(v => v.Id));

            await page.GotoAsync("/walk-axe-probe-framed");
            Assert.Contains("image-alt", (await WalkAxe.SeriousViolationsAsync(page)).Select(v => v.Id));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private const string ProbePage = """
        <!doctype html>
        <html><head><title>Probe</title></head><body>
        <h1>Probe</h1><h4>Skipped levels</h4>
        <p style="color:#bbb;background:#fff">Pale grey on white.</p>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <button></button>
        <p><strong>Bold like a heading</strong></p><p>A paragraph of ordinary text.</p><p>Another one.</p>
        </body></html>
        """;

    private const string FramedProbePage = """
        <!doctype html>
        <html lang="en"><head><title>Framed probe</title></head><body><main><h1>Framed probe</h1>
        <iframe title="Inner" srcdoc="<!doctype html><html lang=en><head><title>Inner</title></head><body><main><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></body></html>"></iframe>
        </main></body></html>
        """;

    private static void ReportProgress(string file, int done, int total, TimeSpan elapsed, int problems)
    {
        var each = elapsed.TotalSeconds / done;
        var left = TimeSpan.FromSeconds(each * (total - done));
        var line = $"{DateTime.UtcNow:HH:mm:ss} {done}/{total} page × language checks ({100.0 * done / total:F1} %), {each:F2} s each, "
            + $"{problems} problems so far; about {left.TotalMinutes:F0} min left, done near {DateTime.UtcNow + left:HH:mm} UTC";
        lock (ProgressLock)
        {
            File.AppendAllText(file, line + "\n");
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
