using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Normative.Tests.Browser;

/// <summary>
/// axe-core for the site walk: its serious and critical violations, run inside the page. axe was 85 %
/// of the walk's time (bench/RESULTS.md, "## Site"), and Deque's <c>RunAxe</c> sends the 560 KB script
/// over the wire for every run, then opens a second browser page, injects axe into it again and closes
/// it, only to merge the results of the page's frames. The site has no frames, so here axe arrives with
/// every new document (an init script of the browser context) and runs once in the page; a page that
/// does have frames goes to <c>RunAxe</c> as before.
/// </summary>
internal static class WalkAxe
{
    private static readonly string Source = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// axe's own choice of rules (as RunAxe makes it: enabled, not experimental) less those that cannot
    /// fail the walk. A rule with an impact gives that impact to every violation it reports (axe-core's
    /// finalizeRuleResult), so a minor or moderate rule never reports a serious or critical one; those
    /// are switched off, and a rule without an impact runs.
    /// </summary>
    private const string RunScript = """
        async () => {
            const rules = {};
            for (const rule of axe._audit.rules) {
                if (rule.impact === 'minor' || rule.impact === 'moderate') rules[rule.id] = { enabled: false };
            }
            const result = await axe.run(document, { rules: rules, resultTypes: ['violations'], iframes: false });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 2).map(n => n.html) }));
        }
        """;

    /// <summary>Makes axe part of every document the context opens from now on.</summary>
    public static Task AddToAsync(IBrowserContext context) => context.AddInitScriptAsync(Source);

    /// <summary>The serious and critical violations of the page as it is now laid out.</summary>
    public static async Task<IReadOnlyList<Finding>> SeriousViolationsAsync(IPage page)
    {
        if (page.Frames.Count > 1)
        {
            var all = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            return [.. all.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => new Finding { Id = v.Id, Impact = v.Impact, Help = v.Help, Nodes = [.. v.Nodes.Take(2).Select(n => n.Html)] })];
        }
        return await page.EvaluateAsync<Finding[]>(RunScript);
    }

    public sealed class Finding
    {
        public string Id { get; set; } = "";
        public string Impact { get; set; } = "";
        public string Help { get; set; } = "";
        public string[] Nodes { get; set; } = [];
    }
}
