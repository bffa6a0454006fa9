using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Store.Carts;

/// <summary>
/// A cart: anonymous (found by its id in a cookie) or a signed-in buyer's. Prices are never stored
/// here: they are computed afresh whenever the cart is shown or checked out.
/// </summary>
public class Cart
{
    public Guid Id { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when an order was placed from this cart; the cart is then closed.</summary>
    public DateTimeOffset? CheckedOutAt { get; set; }
    /// <summary>Counts changes, so a checkout form submitted for an older content is noticed.</summary>
    public int Revision { get; set; }
    public List<CartLine> Lines { get; set; } = [];
}

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> b)
    {
        b.ToTable("carts");
        b.Property(c => c.Id).ValueGeneratedNever();
        // One open cart per buyer.
        b.HasIndex(c => c.UserId).IsUnique().HasFilter("checked_out_at IS NULL");
        b.HasIndex(c => c.UpdatedAt);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}
