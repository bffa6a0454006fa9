using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// One clause of a text in reading order: its own content (not its sub-clauses, which are rows of
/// their own) as safe HTML rendered at import, and as plain text for search and provisions.
/// </summary>
public class TextClause
{
    public int TextId { get; set; }
    /// <summary>0, 1, 2 … in reading order.</summary>
    public int Ordinal { get; set; }
    /// <summary>Stable within the text, derived from the number ("sec_3.1.1", "sec_A.2") or the kind ("sec_foreword").</summary>
    public required string Anchor { get; set; }
    /// <summary>The label: "3.1.1", "A.2", "Annex A"; none for a foreword or an introduction.</summary>
    public string? Number { get; set; }
    public string? Title { get; set; }
    /// <summary>1 for a main clause or an annex, 2 for its sub-clauses, and so on.</summary>
    public short Level { get; set; }
    public ClauseKind Kind { get; set; }
    /// <summary>Everyone reads it (foreword to terms and definitions); the rest needs a licence.</summary>
    public bool Preview { get; set; }
    public required string Html { get; set; }
    public required string PlainText { get; set; }
    /// <summary>The catalogue's search reads it (Data/Migrations/0127_text_search.sql); PostgreSQL computes it.</summary>
    public NpgsqlTsVector SearchVector { get; private set; } = NpgsqlTsVector.Empty;
}

internal sealed class TextClauseConfiguration : IEntityTypeConfiguration<TextClause>
{
    public void Configure(EntityTypeBuilder<TextClause> b)
    {
        b.ToTable("standard_text_clauses");
        b.HasKey(c => new { c.TextId, c.Ordinal });
        b.Property(c => c.Anchor).HasMaxLength(200);
        b.Property(c => c.Number).HasMaxLength(50);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(c => new { c.TextId, c.Anchor }).IsUnique();
        b.Property(c => c.SearchVector).HasComputedColumnSql(
            "setweight(to_tsvector('catalogue_en'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(title, '')), 'A') " +
            "|| setweight(to_tsvector('catalogue_en'::regconfig, plain_text), 'D') || setweight(to_tsvector('catalogue_fr'::regconfig, plain_text), 'D')", stored: true);
        b.HasIndex(c => c.SearchVector).HasMethod("gin");
    }
}
