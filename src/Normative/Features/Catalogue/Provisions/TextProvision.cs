using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// One provision of a text: a sentence of a clause holding a verbal form of the Directives
/// (see <see cref="ProvisionRules"/>), numbered 1, 2 … within its clause.
/// </summary>
public class TextProvision
{
    public int TextId { get; set; }
    /// <summary>The clause's <see cref="TextClause.Ordinal"/>.</summary>
    public int ClauseOrdinal { get; set; }
    /// <summary>1, 2 … within the clause, in reading order.</summary>
    public int Ordinal { get; set; }
    public ProvisionKind Kind { get; set; }
    /// <summary>"shall not", "need not", "cannot": the form is negative.</summary>
    public bool Negative { get; set; }
    public required string Text { get; set; }
    /// <summary>Stable across imports of the same edition: the standard's URN with edition and language, the clause and the ordinal (see <see cref="ProvisionIds"/>).</summary>
    public required string Identifier { get; set; }
}

internal sealed class TextProvisionConfiguration : IEntityTypeConfiguration<TextProvision>
{
    public void Configure(EntityTypeBuilder<TextProvision> b)
    {
        b.ToTable("standard_text_provisions");
        b.HasKey(p => new { p.TextId, p.ClauseOrdinal, p.Ordinal });
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Identifier).HasMaxLength(300);
        b.HasOne<TextClause>().WithMany().HasForeignKey(p => new { p.TextId, p.ClauseOrdinal }).OnDelete(DeleteBehavior.Cascade);
    }
}
