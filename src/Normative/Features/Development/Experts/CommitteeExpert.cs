using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Experts;

/// <summary>
/// A person nominated as an expert to a committee (usually a working group) by a P-member body or an
/// organization in category A or C liaison. Like a delegate the person is an account, but may be
/// named by name and e-mail address before they have one: the address finds them when they sign up.
/// Personal data: shown to the committee, never to the public.
/// </summary>
public class CommitteeExpert
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public required string Name { get; set; }
    /// <summary>In lower case: one nomination per address and committee.</summary>
    public required string Email { get; set; }
    public string? UserId { get; set; }
    public int? MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    public int? LiaisonId { get; set; }
    public CommitteeLiaison? Liaison { get; set; }
    /// <summary>The NP ballot whose approval brought the expert in, when it did.</summary>
    public int? BallotId { get; set; }
    public DateTimeOffset NominatedAt { get; set; }
    public string? NominatedByUserId { get; set; }
}

internal sealed class CommitteeExpertConfiguration : IEntityTypeConfiguration<CommitteeExpert>
{
    public void Configure(EntityTypeBuilder<CommitteeExpert> b)
    {
        b.ToTable("committee_experts");
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Email).HasMaxLength(256);
        b.HasIndex(e => new { e.CommitteeId, e.Email }).IsUnique();
        b.HasIndex(e => e.Email);
        b.HasIndex(e => e.UserId);
        b.HasIndex(e => e.MemberBodyId);
        b.HasIndex(e => e.LiaisonId);
        b.HasIndex(e => e.BallotId);
        b.HasIndex(e => e.NominatedByUserId);
        b.HasOne(e => e.Committee).WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.MemberBody).WithMany().HasForeignKey(e => e.MemberBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Liaison).WithMany().HasForeignKey(e => e.LiaisonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ballot>().WithMany().HasForeignKey(e => e.BallotId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.NominatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
