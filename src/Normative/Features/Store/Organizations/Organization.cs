using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Organizations;

/// <summary>
/// An organisation account (a company, a library, a university): people with accounts of their own
/// who buy for it, at least one of them its administrator. Its members are in
/// <see cref="OrganizationMember"/>, its history in <see cref="OrganizationEvent"/>.
/// </summary>
public class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 3166-1 alpha-2: where it is billed by default.</summary>
    public required string Country { get; set; }
    /// <summary>Written the canonical way (<see cref="Tax.VatNumbers.Normalize"/>).</summary>
    public string? VatNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Moved by every change of its members, which also takes the row's lock so such changes take turns.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Country).HasMaxLength(2);
        b.Property(o => o.VatNumber).HasMaxLength(50);
        // The order side of "bought for": kept here so the order's own mapping needs no change.
        b.HasMany<Order>().WithOne().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
