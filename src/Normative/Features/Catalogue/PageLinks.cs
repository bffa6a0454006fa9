namespace Normative.Features.Catalogue;

/// <summary>What the pager partial (_Pager.cshtml) needs: where we are, how many pages, and the link to a page.</summary>
public sealed record PageLinks(int Page, int PageCount, Func<int, string> Href)
{
    /// <summary>The page numbers to show: the first, the last, and two either side of the current one; 0 marks a gap.</summary>
    public IReadOnlyList<int> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= PageCount)
            {
                shown.Add(p);
            }
        }
        var list = new List<int>();
        var previous = 0;
        foreach (var p in shown)
        {
            if (p - previous > 1)
            {
                list.Add(0);
            }
            list.Add(p);
            previous = p;
        }
        return list;
    }
}
