using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Organizations;

/// <summary>
/// An invitation by e-mail to join an organisation. The mail carries a secret link; only its hash
/// is kept. Accepted by the person signed in with that address, once, before it expires.
/// </summary>
public class OrganizationInvitation
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    /// <summary>Lower case, as <see cref="OrganizationRules.NormalizeEmail"/> writes it.</summary>
    public required string Email { get; set; }
    public required byte[] TokenHash { get; set; }
    /// <summary>The administrator's e-mail address.</summary>
    public required string InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>The account that accepted it.</summary>
    public string? AcceptedBy { get; set; }
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> b)
    {
        b.ToTable("organization_invitations");
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.InvitedBy).HasMaxLength(256);
        b.HasIndex(i => i.TokenHash).IsUnique();
        // One open invitation per address: inviting again renews it.
        b.HasIndex(i => new { i.OrganizationId, i.Email }).IsUnique().HasFilter("accepted_at IS NULL");
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
