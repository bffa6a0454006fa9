using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Carts;

/// <summary>
/// One offer in a cart: a deliverable in a format and a language, and how many (PDF: always one);
/// or a year's subscription to a collection (<see cref="CollectionId"/>, no deliverable).
/// </summary>
public class CartLine
{
    public long Id { get; set; }
    public Guid CartId { get; set; }
    public int? DeliverableId { get; set; }
    public int? CollectionId { get; set; }
    public ProductFormat Format { get; set; }
    public required string Language { get; set; }
    public int Quantity { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> b)
    {
        b.ToTable("cart_lines", t => t.HasCheckConstraint("ck_cart_lines_quantity", $"quantity BETWEEN 1 AND {CartRules.MaxQuantity}"));
        b.Property(l => l.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Language).HasMaxLength(8);
        b.HasIndex(l => new { l.CartId, l.DeliverableId, l.Format, l.Language }).IsUnique();
        b.HasOne<Deliverable>().WithMany().HasForeignKey(l => l.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_cart_lines_item", "(deliverable_id IS NULL) <> (collection_id IS NULL)"));
        b.HasIndex(l => new { l.CartId, l.CollectionId }).IsUnique().HasFilter("collection_id IS NOT NULL");
        b.HasOne<Collection>().WithMany().HasForeignKey(l => l.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
