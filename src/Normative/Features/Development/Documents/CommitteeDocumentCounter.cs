using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Documents;

/// <summary>The last N-number given in a committee's series (see <see cref="CommitteeDocuments.NextNumberAsync"/>).</summary>
public class CommitteeDocumentCounter
{
    public int CommitteeId { get; set; }
    public int Last { get; set; }
}

internal sealed class CommitteeDocumentCounterConfiguration : IEntityTypeConfiguration<CommitteeDocumentCounter>
{
    public void Configure(EntityTypeBuilder<CommitteeDocumentCounter> b)
    {
        b.ToTable("committee_document_counters");
        b.HasKey(c => c.CommitteeId);
        b.Property(c => c.CommitteeId).ValueGeneratedNever();
        b.HasOne<Committee>().WithMany().HasForeignKey(c => c.CommitteeId).OnDelete(DeleteBehavior.Cascade);
    }
}
