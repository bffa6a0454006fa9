using Normative.Features.Catalogue;
using Normative.Features.Content.Articles;

namespace Normative.Features.Content.Mailings;

/// <summary>What one digest lists: new articles, new publications and withdrawals (each list already cut to its topics).</summary>
public sealed record DigestItems(IReadOnlyList<ArticleSummary> Articles, IReadOnlyList<Deliverable> Published, IReadOnlyList<Deliverable> Withdrawn)
{
    public bool IsEmpty => Articles.Count == 0 && Published.Count == 0 && Withdrawn.Count == 0;
}
