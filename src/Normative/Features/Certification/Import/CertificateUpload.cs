using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Import;

/// <summary>The record of one upload (page, API or command line) and what came of it.</summary>
public class CertificateUpload
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>"page", "api", "json" or "cli".</summary>
    public required string Source { get; set; }
    public string? UserId { get; set; }
    public int? CertificationBodyId { get; set; }
    public string? FileName { get; set; }
    public bool AllOrNothing { get; set; }
    public int TotalRows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    /// <summary>False when nothing was written (a file error, or all-or-nothing with a bad row).</summary>
    public bool Loaded { get; set; }
}

internal sealed class CertificateUploadConfiguration : IEntityTypeConfiguration<CertificateUpload>
{
    public void Configure(EntityTypeBuilder<CertificateUpload> b)
    {
        b.ToTable("certificate_uploads");
        b.Property(x => x.Source).HasMaxLength(10);
        b.Property(x => x.FileName).HasMaxLength(300);
        b.HasIndex(x => x.CertificationBodyId);
        b.HasIndex(x => x.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CertificationBody>().WithMany().HasForeignKey(x => x.CertificationBodyId).OnDelete(DeleteBehavior.Cascade);
    }
}
