using Normative.Features.Development.Comments;

namespace Normative.Tests.Features.Development.Comments;

public class ClauseOrderTests
{
    [Fact]
    public void ClausesSortAsInTheDocument()
    {
        string[] shuffled = ["B.2", "4.10", "Bibliography", "4.2", "", "Introduction", "A.1", "10", "4.2.1", "Foreword", "3.1", "A", "4"];
        var sorted = shuffled.Order(ClauseOrder.Instance).ToList();
        Assert.Equal(["", "Foreword", "Introduction", "3.1", "4", "4.2", "4.2.1", "4.10", "10", "A", "A.1", "B.2", "Bibliography"], sorted);
    }

    [Fact]
    public void ClauseWordsAndTrailingDotsAreIgnored()
    {
        Assert.True(ClauseOrder.Instance.Compare("4.9", "Clause 5") < 0);
        Assert.True(ClauseOrder.Instance.Compare("Clause 5", "5.1") < 0);
        Assert.True(ClauseOrder.Instance.Compare("5.1.", "5.2") < 0);
        Assert.True(ClauseOrder.Instance.Compare("Annex A", "Annexe B") < 0);
        Assert.True(ClauseOrder.Instance.Compare("General", "1") < 0);
    }
}
