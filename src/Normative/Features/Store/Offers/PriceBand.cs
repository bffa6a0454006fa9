using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Offers;

/// <summary>The default price of a deliverable by its number of pages; Editors keep the bands.</summary>
public class PriceBand
{
    public int Id { get; set; }
    public int MinPages { get; set; }
    /// <summary>Null for the last band, which has no upper limit.</summary>
    public int? MaxPages { get; set; }
    public decimal PdfPrice { get; set; }
    public decimal PaperPrice { get; set; }

    /// <summary>Reading online costs what the PDF costs unless an Editor sets its own price.</summary>
    public decimal PriceOf(ProductFormat format) => format == ProductFormat.Paper ? PaperPrice : PdfPrice;

    public bool Contains(int pages) => pages >= MinPages && (MaxPages is null || pages <= MaxPages);
}

internal sealed class PriceBandConfiguration : IEntityTypeConfiguration<PriceBand>
{
    public void Configure(EntityTypeBuilder<PriceBand> b)
    {
        b.ToTable("price_bands");
        b.Property(p => p.PdfPrice).HasPrecision(10, 2);
        b.Property(p => p.PaperPrice).HasPrecision(10, 2);
    }
}
