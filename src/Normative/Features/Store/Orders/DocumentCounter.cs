using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Orders;

/// <summary>The last number given to an invoice or a credit note in a year (see <see cref="StoreSql.NextDocumentNumberAsync"/>).</summary>
public class DocumentCounter
{
    public required string Kind { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("document_counters");
        b.HasKey(c => new { c.Kind, c.Year });
        b.Property(c => c.Kind).HasMaxLength(20);
    }
}
