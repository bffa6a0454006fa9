using System.Globalization;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// The geometry of a ballot's result chart, drawn as inline SVG by the result page: one bar per
/// position (and for P-members that did not vote), and one gauge per criterion with its threshold.
/// Lengths are in SVG user units, written with the invariant culture.
/// </summary>
public sealed record BallotChart(IReadOnlyList<BallotChart.Bar> Bars, IReadOnlyList<BallotChart.Gauge> Gauges, int Height)
{
    public const int Width = 720;
    public const int LabelWidth = 260;
    public const int BarHeight = 26;
    public const int Gap = 10;
    private const int PlotWidth = Width - LabelWidth - 60;

    /// <summary>A bar: its label (a resource key), its count, its length, its style.</summary>
    public sealed record Bar(string LabelKey, int Count, int Y, string Length, string CssClass);

    /// <summary>A criterion's gauge: filled to its share, with a mark at the threshold.</summary>
    public sealed record Gauge(BallotCriterion Criterion, int Y, string Fill, string Mark, bool Met);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A label cut into lines of about <paramref name="width"/> characters, at spaces, for the narrow label column.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width = 30)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return lines;
    }

    public static BallotChart Build(BallotTally tally)
    {
        var items = new List<(string Key, int Count, string Css)>();
        switch (tally.Kind)
        {
            case BallotKind.SR:
                items.Add(("Position.Confirm", tally.Confirm, "bar-approve"));
                items.Add(("Position.Revise", tally.Revise, "bar-revise"));
                items.Add(("Position.Withdraw", tally.Withdraw, "bar-disapprove"));
                break;
            case BallotKind.CD:
                break;
            default:
                items.Add(("Position.Approve", tally.Approve, "bar-approve"));
                items.Add(("Position.Disapprove", tally.Disapprove, "bar-disapprove"));
                if (tally.Kind is BallotKind.DIS or BallotKind.FDIS)
                {
                    items.Add(("Chart.DisapproveUncounted", tally.DisapproveWithoutReasons, "bar-uncounted"));
                }
                break;
        }
        if (tally.Kind != BallotKind.CD)
        {
            items.Add(("Position.Abstain", tally.Abstain, "bar-abstain"));
        }
        items.Add(("Chart.NotVoted", tally.NotVoted, "bar-none"));

        var scale = Math.Max(1, Math.Max(tally.PMembers, items.Max(i => i.Count)));
        var bars = items.Select((item, i) => new Bar(item.Key, item.Count, i * (BarHeight + Gap),
            Number((double)item.Count / scale * PlotWidth), item.Css)).ToList();
        var y = bars.Count * (BarHeight + Gap) + 20;

        var gauges = new List<Gauge>();
        foreach (var c in tally.Criteria)
        {
            double share;
            double mark;
            if (c.Key == "Criterion.Experts")
            {
                // An absolute number: full when the required number of experts is reached.
                share = c.Of == 0 ? 1 : Math.Min(1, (double)c.Count / c.Of);
                mark = 1;
            }
            else
            {
                share = c.Of == 0 ? 0 : (double)c.Count / c.Of;
                mark = c.Key switch
                {
                    "Criterion.TwoThirds" => 2.0 / 3,
                    "Criterion.OneQuarter" => 0.25,
                    _ => 0.5,
                };
            }
            gauges.Add(new Gauge(c, y, Number(share * PlotWidth), Number(mark * PlotWidth), c.Met));
            y += BarHeight + Gap + 18;
        }
        return new BallotChart(bars, gauges, y);
    }
}
