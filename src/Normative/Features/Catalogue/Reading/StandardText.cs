using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// The full text of a deliverable in one language, as one publisher issued it: ISO's own text, or
/// a regional or national adoption (EN ISO, DIN EN ISO) kept as its own text and linked to ISO's.
/// Imported from STS XML; the XML is kept as received, the clauses and terms are read from it once.
/// </summary>
public class StandardText
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    /// <summary>ISO 639-1 code: "en", "fr".</summary>
    public required string Language { get; set; }
    /// <summary>"ISO" for the international text; the regional or national body for an adoption ("CEN", "DIN").</summary>
    public required string Publisher { get; set; }
    public AdoptionLevel Level { get; set; }
    /// <summary>The reference as the text names itself ("ISO 2560:2009", "NEN-EN-ISO 2560:2009").</summary>
    public required string Reference { get; set; }
    /// <summary>The full title in the text's language.</summary>
    public required string Title { get; set; }
    public int? Edition { get; set; }
    public string? Committee { get; set; }
    public DateOnly? ReleaseDate { get; set; }
    /// <summary>For an adoption, the international text (same deliverable and language) it adopts.</summary>
    public int? AdoptsTextId { get; set; }
    public int ClauseCount { get; set; }
    public int TermCount { get; set; }
    public required string SourceName { get; set; }
    /// <summary>Importing the same file again changes nothing.</summary>
    public required string SourceSha256 { get; set; }
    public required string SourceXml { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string? ImportedBy { get; set; }

    public List<StandardTextTitle> Titles { get; set; } = [];
    public List<TextClause> Clauses { get; set; } = [];
    public List<TextTerm> Terms { get; set; } = [];
}

internal sealed class StandardTextConfiguration : IEntityTypeConfiguration<StandardText>
{
    public void Configure(EntityTypeBuilder<StandardText> b)
    {
        b.ToTable("standard_texts");
        b.Property(t => t.Language).HasMaxLength(8);
        b.Property(t => t.Publisher).HasMaxLength(40);
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Reference).HasMaxLength(200);
        b.Property(t => t.Committee).HasMaxLength(100);
        b.Property(t => t.SourceName).HasMaxLength(300);
        b.Property(t => t.SourceSha256).HasMaxLength(64);
        b.Property(t => t.ImportedBy).HasMaxLength(450);
        b.HasOne<Deliverable>().WithMany().HasForeignKey(t => t.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StandardText>().WithMany().HasForeignKey(t => t.AdoptsTextId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.DeliverableId, t.Language, t.Publisher }).IsUnique();
        b.HasMany(t => t.Titles).WithOne().HasForeignKey(t => t.TextId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Clauses).WithOne().HasForeignKey(c => c.TextId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Terms).WithOne().HasForeignKey(t => t.TextId).OnDelete(DeleteBehavior.Cascade);
    }
}
