using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// A set of standards sold as a yearly subscription: named in the site's languages, defined by a
/// rule (<see cref="CollectionRule"/>) rather than a fixed list of deliverables, so what it covers
/// follows the catalogue — a new edition, amendment or corrigendum joins by itself
/// (<see cref="CollectionCoverage"/>).
/// </summary>
public class Collection
{
    /// <summary>What a subscription line's language says: every language the covered standards come in (ISO 639-2 "multiple languages").</summary>
    public const string AllLanguages = "mul";

    public int Id { get; set; }
    public required string NameEn { get; set; }
    public string? NameFr { get; set; }
    public string? NameEs { get; set; }
    public string? NameRu { get; set; }
    public CollectionRule Rule { get; set; }
    /// <summary>For <see cref="CollectionRule.Committee"/>: the committee's reference ("ISO/TC 176").</summary>
    public string? Committee { get; set; }
    /// <summary>For <see cref="CollectionRule.Ics"/>: a field, group or sub-group ("03.120").</summary>
    public string? IcsCode { get; set; }
    /// <summary>For <see cref="CollectionRule.List"/>: the references as the catalogue writes them ("ISO 9001:2015").</summary>
    public List<string> ListedReferences { get; set; } = [];
    /// <summary>How the covered standards are delivered: PDF, stamped for the subscription's licence holder.</summary>
    public ProductFormat Format { get; set; } = ProductFormat.Pdf;
    /// <summary>Net, in the seller's currency, for one year.</summary>
    public decimal YearlyPrice { get; set; }
    /// <summary>Off sale, a collection can no longer be bought; running subscriptions go on.</summary>
    public bool OnSale { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>The name in <paramref name="language"/>, or the English one where it has none.</summary>
    public string NameIn(string language) => language switch
    {
        "fr" when !string.IsNullOrWhiteSpace(NameFr) => NameFr,
        "es" when !string.IsNullOrWhiteSpace(NameEs) => NameEs,
        "ru" when !string.IsNullOrWhiteSpace(NameRu) => NameRu,
        _ => NameEn,
    };
}

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> b)
    {
        b.ToTable("collections", t =>
        {
            t.HasCheckConstraint("ck_collections_price", "yearly_price > 0");
            t.HasCheckConstraint("ck_collections_rule",
                "(rule = 'Committee' AND committee IS NOT NULL) OR (rule = 'Ics' AND ics_code IS NOT NULL) OR (rule = 'List' AND cardinality(listed_references) > 0)");
        });
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.NameFr).HasMaxLength(200);
        b.Property(c => c.NameEs).HasMaxLength(200);
        b.Property(c => c.NameRu).HasMaxLength(200);
        b.Property(c => c.Rule).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Committee).HasMaxLength(100);
        b.Property(c => c.IcsCode).HasMaxLength(12);
        b.Property(c => c.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.YearlyPrice).HasPrecision(10, 2);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
    }
}
