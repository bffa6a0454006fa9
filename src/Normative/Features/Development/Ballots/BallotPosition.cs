using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// A member body's current position on a ballot: one row per body, whichever delegate cast it.
/// Every cast and change is also a <see cref="BallotVoteEvent"/>.
/// </summary>
public class BallotPosition
{
    public int BallotId { get; set; }
    public int MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    public VotePosition Position { get; set; }
    /// <summary>The technical reasons for a negative vote; a negative vote without them is not counted on a DIS or FDIS.</summary>
    public string? TechnicalReasons { get; set; }
    /// <summary>NP, or SR revise: the body commits an expert to the work.</summary>
    public bool NominatesExpert { get; set; }
    public string? ExpertName { get; set; }
    /// <summary>The nominated expert's address (lower case): they join the committee as its expert when the NP is approved.</summary>
    public string? ExpertEmail { get; set; }
    public required string CastByUserId { get; set; }
    public DateTimeOffset CastAt { get; set; }
    /// <summary>How many times the position was changed after it was first cast.</summary>
    public int Changes { get; set; }
}

internal sealed class BallotPositionConfiguration : IEntityTypeConfiguration<BallotPosition>
{
    public void Configure(EntityTypeBuilder<BallotPosition> b)
    {
        b.ToTable("ballot_positions");
        b.HasKey(p => new { p.BallotId, p.MemberBodyId });
        b.Property(p => p.Position).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.TechnicalReasons).HasMaxLength(10000);
        b.Property(p => p.ExpertName).HasMaxLength(200);
        b.Property(p => p.ExpertEmail).HasMaxLength(256);
        b.HasIndex(p => p.MemberBodyId);
        b.HasOne<Ballot>().WithMany().HasForeignKey(p => p.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.MemberBody).WithMany().HasForeignKey(p => p.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.CastByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
