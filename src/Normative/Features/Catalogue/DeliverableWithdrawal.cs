using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>
/// When a deliverable reached stage 95.99, written by a trigger whichever path withdrew it (an
/// Editor's form, a project that published the next edition, an import), so "withdrawn since" can be asked.
/// </summary>
public class DeliverableWithdrawal
{
    public long Id { get; set; }
    public int DeliverableId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class DeliverableWithdrawalConfiguration : IEntityTypeConfiguration<DeliverableWithdrawal>
{
    public void Configure(EntityTypeBuilder<DeliverableWithdrawal> b)
    {
        b.ToTable("deliverable_withdrawals");
        b.HasOne<Deliverable>().WithMany().HasForeignKey(w => w.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(w => w.At);
    }
}
