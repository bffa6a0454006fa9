using Normative.Features.Development.Comments;
using Normative.Features.Development.Documents;
using Normative.Tests.Features.Development.Documents;

namespace Normative.Tests.Features.Development.Comments;

public class CommentDraftRulesTests
{
    private static readonly StsOutline Outline = StsReader.Read(StsSamples.Numbered(), out _)!.Outline;

    private static CommentInput Comment(string clause, string? line = null) => new(null, line, clause, null, "te", "A comment.", null);

    [Theory]
    [InlineData("4.2")]
    [InlineData("Annex A")]
    [InlineData("foreword")]
    [InlineData("General")]
    public void AClauseOfTheDraftOrTheWholeDocumentIsAccepted(string clause) =>
        Assert.Empty(CommentRules.CheckAgainstDraft(Comment(clause, "8"), Outline));

    [Fact]
    public void AClauseTheDraftDoesNotHaveIsRefused()
    {
        var error = Assert.Single(CommentRules.CheckAgainstDraft(Comment("4.7"), Outline));
        Assert.Equal("Error.Comment.ClauseNotInDraft", error.Key);
    }

    [Fact]
    public void ALineBeyondTheDraftsLinesIsRefusedWithTheirRange()
    {
        var error = Assert.Single(CommentRules.CheckAgainstDraft(Comment("4.2", "9-14"), Outline));
        Assert.Equal("Error.Comment.LineNotInDraft", error.Key);
        Assert.Equal(["9-14", 1, 12], error.Args);
    }

    [Fact]
    public void ADraftWithoutLineMarksTakesAnyLineNumber()
    {
        var unnumbered = Outline with { Lines = [] };
        Assert.Empty(CommentRules.CheckAgainstDraft(Comment("4.2", "300"), unnumbered));
    }
}
