using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Projects;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// A numbered document in a committee's register ("ISO/TC 176/SC 2 N 1234"): a draft, an agenda, a
/// ballot result… Its content is a <see cref="StoredFile"/>; who may read it is its <see cref="Audience"/>.
/// </summary>
public class CommitteeDocument
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    /// <summary>The N-number: the next in the committee's series, gap-free (<see cref="CommitteeDocuments.NextNumberAsync"/>).</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public DocumentType Type { get; set; }
    /// <summary>The document's own date (of a meeting's minutes, of a draft), shown in the register.</summary>
    public DateOnly DocumentDate { get; set; }
    public DocumentAudience Audience { get; set; }
    public int? ProjectId { get; set; }
    /// <summary>The earlier document this one replaces (a WD 2 replacing WD 1), in the same committee.</summary>
    public int? SupersedesId { get; set; }
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    /// <summary>Null for documents the platform files itself (a ballot's result) or whose uploader's account was deleted.</summary>
    public string? UploadedByUserId { get; set; }
    /// <summary>When the daily mail of new documents included it; null until then.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}

internal sealed class CommitteeDocumentConfiguration : IEntityTypeConfiguration<CommitteeDocument>
{
    public void Configure(EntityTypeBuilder<CommitteeDocument> b)
    {
        b.ToTable("committee_documents");
        b.Property(d => d.Title).HasMaxLength(CommitteeDocuments.MaxTitleLength);
        b.Property(d => d.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasIndex(d => new { d.CommitteeId, d.Number }).IsUnique();
        b.HasIndex(d => d.ProjectId);
        b.HasIndex(d => d.SupersedesId);
        b.HasIndex(d => d.FileId);
        b.HasIndex(d => d.UploadedByUserId);
        b.HasIndex(d => d.NotifiedAt).HasFilter("notified_at IS NULL");
        b.HasOne<Committee>().WithMany().HasForeignKey(d => d.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CommitteeDocument>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UploadedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
