using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Certification.Registry;

/// <summary>Links a user with the CertificationBody role to the one body they act for.</summary>
public class CertificationBodyMember
{
    public required string UserId { get; set; }
    public int CertificationBodyId { get; set; }
    public CertificationBody? CertificationBody { get; set; }
}

internal sealed class CertificationBodyMemberConfiguration : IEntityTypeConfiguration<CertificationBodyMember>
{
    public void Configure(EntityTypeBuilder<CertificationBodyMember> b)
    {
        b.ToTable("certification_body_members");
        b.HasKey(x => x.UserId);
        b.HasIndex(x => x.CertificationBodyId);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.CertificationBody).WithMany().HasForeignKey(x => x.CertificationBodyId).OnDelete(DeleteBehavior.Cascade);
    }
}
