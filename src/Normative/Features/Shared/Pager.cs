namespace Normative.Features.Shared;

/// <summary>What the pager partial (_Pager.cshtml) needs: where we are, how many pages, and the link to a page.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Href)
{
    /// <summary>A pager over <paramref name="total"/> items shown <paramref name="pageSize"/> a page (at least one page).</summary>
    public static Pager For(int page, int total, int pageSize, Func<int, string> href) =>
        new(page, Pages(total, pageSize), href);

    public static int Pages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

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
