using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>
/// A certificate, unique by (certification body, number). The expiry date is the first day it is no
/// longer valid: an Active certificate becomes Expired on that day. Status changes are kept in
/// certificate_events; the row holds the current state.
/// </summary>
public class Certificate
{
    public long Id { get; set; }
    public int CertificationBodyId { get; set; }
    public CertificationBody? CertificationBody { get; set; }
    public required string Number { get; set; }
    public long OrganizationId { get; set; }
    public CertifiedOrganization? Organization { get; set; }
    /// <summary>Canonical identifiers, e.g. "ISO 9001:2015".</summary>
    public List<string> Standards { get; set; } = [];
    public string Scope { get; set; } = "";
    /// <summary>IAF sector codes (1–39).</summary>
    public List<int> IafSectors { get; set; } = [];
    public List<CertificateSite> Sites { get; set; } = [];
    public DateOnly InitialIssueDate { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly ExpiryDate { get; set; }
    public CertificateStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    // Public (in an internal class): the compiled model (Data/CompiledModel) converts through it too.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("certificates");
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sites)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<CertificateSite>>(s, Json) ?? new List<CertificateSite>(),
                new ValueComparer<List<CertificateSite>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        b.HasIndex(x => new { x.Number, x.CertificationBodyId }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => new { x.CertificationBodyId, x.Id });
        b.HasIndex(x => x.Standards).HasMethod("gin");
        b.HasOne(x => x.CertificationBody).WithMany().HasForeignKey(x => x.CertificationBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
