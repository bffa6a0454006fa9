using Normative.Features.Catalogue.Changes;

namespace Normative.Tests.Features.Catalogue;

public class EditionDiffTests
{
    private static ClauseVersion C(string number, string title, string text) => new(number, number, title, "sec_" + number, text, false);

    [Fact]
    public void ChangedWordsAreMarkedAndTheRestKept()
    {
        var words = EditionDiff.Words("The laboratory shall calibrate the balance yearly.", "The laboratory shall calibrate the balance monthly.");

        Assert.Equal(
            [
                new WordChange(WordChangeKind.Same, "The laboratory shall calibrate the balance "),
                new WordChange(WordChangeKind.Deleted, "yearly"),
                new WordChange(WordChangeKind.Inserted, "monthly"),
                new WordChange(WordChangeKind.Same, "."),
            ],
            words);
    }

    [Fact]
    public void ClausesAreAddedRemovedChangedOrUnchangedInTheNewerOrder()
    {
        IReadOnlyList<ClauseVersion> from =
        [
            C("1", "Scope", "This document specifies tests."),
            C("2", "Tests", "Tests shall be made."),
            C("3", "Records", "Records should be kept."),
            C("4", "Reports", "Reports may be short."),
        ];
        IReadOnlyList<ClauseVersion> to =
        [
            C("1", "Scope", "This  document specifies tests.\n"),
            C("2", "Tests", "Tests shall be made twice."),
            C("4", "Test reports", "Reports may be short."),
            C("5", "Audits", "Audits shall be yearly."),
        ];

        var changes = EditionDiff.Compare(from, to);

        Assert.Equal(
            [("1", ClauseChangeKind.Unchanged), ("2", ClauseChangeKind.Changed), ("3", ClauseChangeKind.Removed), ("4", ClauseChangeKind.Changed), ("5", ClauseChangeKind.Added)],
            changes.Select(c => (c.Clause.Key, c.Kind)));
        Assert.Contains(new WordChange(WordChangeKind.Inserted, " twice"), changes[1].Words);
        Assert.True(changes[3].TitleChanged);
        Assert.All(changes[3].Words, w => Assert.Equal(WordChangeKind.Same, w.Kind));
    }

    [Fact]
    public void AClauseRemovedFromTheStartComesFirst()
    {
        var changes = EditionDiff.Compare([C("0", "Introduction", "Old."), C("1", "Scope", "Same.")], [C("1", "Scope", "Same.")]);

        Assert.Equal([ClauseChangeKind.Removed, ClauseChangeKind.Unchanged], changes.Select(c => c.Kind));
    }

    [Fact]
    public void AnAmendmentRemovesNothingItLeavesOut()
    {
        IReadOnlyList<ClauseVersion> edition = [C("1", "Scope", "Same."), C("2", "Tests", "Tests shall be made."), C("3", "Records", "Kept.")];
        IReadOnlyList<ClauseVersion> amendment = [C("2", "Tests", "Tests shall be made twice."), C("3.1", "Audits", "Audits shall be yearly.")];

        var asEdition = EditionDiff.Compare(edition, amendment);
        var asAmendment = EditionDiff.Compare(edition, amendment, amendment: true);

        Assert.Contains(asEdition, c => c.Kind == ClauseChangeKind.Removed);
        Assert.Equal([("2", ClauseChangeKind.Changed), ("3.1", ClauseChangeKind.Added)], asAmendment.Select(c => (c.Clause.Key, c.Kind)));
    }
}
