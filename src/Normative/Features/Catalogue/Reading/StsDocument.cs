namespace Normative.Features.Catalogue.Reading;

/// <summary>What <see cref="StsParser"/> reads from an STS file: its front matter, clauses and terms.</summary>
public sealed record StsDocument(
    IReadOnlyList<StsMeta> Metas,
    string Language,
    IReadOnlyList<StsClause> Clauses,
    IReadOnlyList<StsTerm> Terms)
{
    /// <summary>The text's own identity: the outermost adoption (national, else regional, else international).</summary>
    public StsMeta? Own => Metas.OrderByDescending(m => m.Level).FirstOrDefault();

    /// <summary>The international standard's front matter, which names the catalogue's deliverable.</summary>
    public StsMeta? International => Metas.FirstOrDefault(m => m.Level == AdoptionLevel.International);
}
