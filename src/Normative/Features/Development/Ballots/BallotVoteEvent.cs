using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>A vote cast or changed. Append-only: a changed vote is a new row, so the audit trail survives.</summary>
public class BallotVoteEvent
{
    public long Id { get; set; }
    public int BallotId { get; set; }
    public int MemberBodyId { get; set; }
    /// <summary>True when the body already had a position that this one replaced.</summary>
    public bool Replaced { get; set; }
    public VotePosition Position { get; set; }
    public string? TechnicalReasons { get; set; }
    public bool NominatesExpert { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByUserId { get; set; }
}

internal sealed class BallotVoteEventConfiguration : IEntityTypeConfiguration<BallotVoteEvent>
{
    public void Configure(EntityTypeBuilder<BallotVoteEvent> b)
    {
        b.ToTable("ballot_vote_events");
        b.Property(e => e.Position).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.TechnicalReasons).HasMaxLength(10000);
        b.HasIndex(e => new { e.BallotId, e.MemberBodyId, e.Id });
        b.HasOne<Ballot>().WithMany().HasForeignKey(e => e.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(e => e.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
