using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// One designation of a concept in one language, from a text's terms and definitions
/// (<c>term-sec</c> / <c>tbx:termEntry</c>): the other designations and languages of the same
/// concept share <see cref="Concept"/> within the text.
/// </summary>
public class TextTerm
{
    public int Id { get; set; }
    public int TextId { get; set; }
    /// <summary>The entry's identity within the text: its id, else its number.</summary>
    public required string Concept { get; set; }
    /// <summary>The entry's number ("3.1.1").</summary>
    public string? Number { get; set; }
    /// <summary>Where the reader shows it.</summary>
    public required string ClauseAnchor { get; set; }
    public required string Language { get; set; }
    public required string Term { get; set; }
    public TermStatus Status { get; set; }
    public required string DefinitionHtml { get; set; }
    public List<string> NotesHtml { get; set; } = [];
    public List<string> ExamplesHtml { get; set; } = [];
    public string? Source { get; set; }
    /// <summary>Order of the designation within the text.</summary>
    public int Ordinal { get; set; }
    /// <summary>The term without case or accents, for the trigram index (a generated column).</summary>
    public string? TermFolded { get; private set; }
}

internal sealed class TextTermConfiguration : IEntityTypeConfiguration<TextTerm>
{
    public void Configure(EntityTypeBuilder<TextTerm> b)
    {
        b.ToTable("standard_text_terms");
        b.Property(t => t.Concept).HasMaxLength(200);
        b.Property(t => t.Number).HasMaxLength(50);
        b.Property(t => t.ClauseAnchor).HasMaxLength(200);
        b.Property(t => t.Language).HasMaxLength(8);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.TermFolded).HasComputedColumnSql("term_fold(term)", stored: true);
        b.HasIndex(t => new { t.TextId, t.Concept });
    }
}
