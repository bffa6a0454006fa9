using Microsoft.Extensions.Localization;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Documents;

/// <summary>
/// What the ballot result document says, in the reader's language, before it is laid out as a PDF
/// (<see cref="BallotResultPdf"/>): the ballot, the outcome, the rule, each criterion, the counts and
/// every member body's vote.
/// </summary>
public sealed record BallotResultSheet(
    string Title,
    IReadOnlyList<(string Label, string Value)> Facts,
    string Outcome,
    string Rule,
    IReadOnlyList<string> CriteriaHeadings,
    IReadOnlyList<string[]> Criteria,
    IReadOnlyList<string> CountHeadings,
    IReadOnlyList<string[]> Counts,
    IReadOnlyList<string> PositionHeadings,
    IReadOnlyList<string[]> Positions)
{
    public static BallotResultSheet Build(Ballot ballot, Project project, Committee committee, BallotTally tally, IReadOnlyList<CountedPosition> positions,
        string? draft, IStringLocalizer<DevelopmentText> t)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(t);
        var reference = ProjectReference.ForBallot(project, ballot.Kind);
        var facts = new List<(string, string)>
        {
            (t["ResultDoc.Committee"].Value, committee.Reference),
            (t["Ballot.Kind"].Value, t["BallotKind." + ballot.Kind].Value),
            (t["ResultDoc.Project"].Value, $"{reference} — {project.TitleEn}"),
            (t["ResultDoc.Opened"].Value, DevelopmentFormat.Time(ballot.OpenedAt)),
            (t["ResultDoc.Closed"].Value, DevelopmentFormat.Time(ballot.ClosedAt ?? ballot.ClosesAt)),
        };
        if (draft is not null)
        {
            facts.Add((t["ResultDoc.Draft"].Value, draft));
        }
        var criteria = tally.Criteria.Select(c => new[]
        {
            t[c.Key].Value,
            t["Result.CountOf", c.Count, c.Of].Value,
            c.Key == "Criterion.Experts" ? "—" : DevelopmentFormat.Percent(c.Count, c.Of),
            c.Threshold,
            (c.Met ? t["Result.Yes"] : t["Result.No"]).Value,
        }).ToList();
        var counts = BallotChart.Build(tally).Bars.Select(b => new[] { t[b.LabelKey].Value, b.Count.ToString(System.Globalization.CultureInfo.CurrentCulture) }).ToList();
        counts.Add([t["Result.PMembers"].Value, tally.PMembers.ToString(System.Globalization.CultureInfo.CurrentCulture)]);
        if (tally.ExpertsRequired > 0)
        {
            counts.Add([t["Result.Experts"].Value, t["Result.CountOf", tally.Experts, tally.ExpertsRequired].Value]);
        }
        var rows = positions.Select(p => new[]
        {
            p.Body.Acronym,
            p.Status?.ToString() ?? "—",
            t["Position." + p.Position.Position].Value,
            t[p.Counting.NoteKey].Value,
        }).ToList();
        return new BallotResultSheet(
            t["Result.Title", ballot.Kind, reference].Value,
            facts,
            t["ResultDoc.Outcome", t["Outcome." + (ballot.Outcome ?? tally.Outcome)]].Value,
            t[tally.RuleKey].Value,
            [t["Result.Criterion"].Value, t["Result.Counted"].Value, t["Result.Share"].Value, t["Result.Needed"].Value, t["Result.Met"].Value],
            criteria,
            [t["Vote.PositionColumn"].Value, t["Result.Number"].Value],
            counts,
            [t["Membership.Body"].Value, t["Membership.Status"].Value, t["Vote.PositionColumn"].Value, t["Result.Why"].Value],
            rows);
    }

    /// <summary>Every text of the document in reading order, as a reader (or a test) finds it.</summary>
    public IEnumerable<string> Texts() =>
        new[] { Title }.Concat(Facts.SelectMany(f => new[] { f.Label, f.Value })).Append(Outcome).Append(Rule)
            .Concat(CriteriaHeadings).Concat(Criteria.SelectMany(r => r))
            .Concat(CountHeadings).Concat(Counts.SelectMany(r => r))
            .Concat(PositionHeadings).Concat(Positions.SelectMany(r => r));
}
