using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>
/// A deliverable as ISO's open data describes it (iso_deliverables_metadata): a standard, a
/// specification, a report, a supplement, a draft or a withdrawn edition.
/// </summary>
public class Deliverable
{
    /// <summary>The open-data id (ISO's numbers, e.g. 62085 for ISO 9001:2015).</summary>
    public int Id { get; set; }
    public required string DeliverableType { get; set; }
    public string? SupplementType { get; set; }
    public required string Reference { get; set; }
    public required string TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public DateOnly? PublicationDate { get; set; }
    public int? Edition { get; set; }
    public List<string> IcsCodes { get; set; } = [];
    public string? OwnerCommittee { get; set; }
    /// <summary>The harmonized stage code as an integer: 6060 is stage 60.60.</summary>
    public int CurrentStage { get; set; }
    public List<int> Replaces { get; set; } = [];
    public List<int> ReplacedBy { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public int? PagesEn { get; set; }
    public int? PagesFr { get; set; }
    public string? ScopeEn { get; set; }
    public string? ScopeFr { get; set; }
}

internal sealed class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> b)
    {
        b.ToTable("deliverables");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.DeliverableType).HasMaxLength(20);
        b.Property(d => d.SupplementType).HasMaxLength(20);
        b.Property(d => d.Reference).HasMaxLength(200);
        b.Property(d => d.OwnerCommittee).HasMaxLength(100);
        b.HasIndex(d => d.Reference);
        b.HasIndex(d => d.OwnerCommittee);
    }
}
