using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>
/// A technical committee, subcommittee or working group (ISO/TC 176, ISO/TC 176/SC 2,
/// ISO/IEC JTC 1/SC 27), with the fields of ISO's open data on committees.
/// </summary>
public class Committee
{
    /// <summary>The open-data id where there is one; committees created here get new ids.</summary>
    public int Id { get; set; }
    public required string Reference { get; set; }

    /// <summary>
    /// The committee's address, /committees/{slug} (ISO/TC 176/SC 2 → iso-tc-176-sc-2): filled by the
    /// database when the committee is inserted (migration 0214) and kept when the reference changes.
    /// </summary>
    public string Slug { get; set; } = null!;
    public required string TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string Status { get; set; } = "Active";
    /// <summary>The member body holding the secretariat, as the open data names it (e.g. "BSI").</summary>
    public string? Secretariat { get; set; }
    public int? ParentId { get; set; }
    public string? Scope { get; set; }
    public DateOnly? CreationDate { get; set; }
    /// <summary>Participating and observing members as listed in the open data (member-body acronyms or country codes).</summary>
    public List<string> PMembers { get; set; } = [];
    public List<string> OMembers { get; set; } = [];

    // Standards development (migration 0200, mapped in Development/CommitteeDevelopmentConfiguration):
    // the secretariat as a member body, the chair, and the user who manages the committee — the current
    // ones; their terms and the history of changes are Development's (committee_officers, committee_events).
    public int? SecretariatMemberBodyId { get; set; }
    public string? Chair { get; set; }
    public string? ManagerUserId { get; set; }
    /// <summary>A working group's convener (migration 0217), appointed by the parent committee's manager.</summary>
    public string? ConvenerUserId { get; set; }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.ToTable("committees");
        b.Property(c => c.Reference).HasMaxLength(100);
        b.Property(c => c.Status).HasMaxLength(30);
        b.Property(c => c.Secretariat).HasMaxLength(100);
        b.HasIndex(c => c.Reference).IsUnique();
        // Left to the database's trigger on insert (null here means "fill it"), read back after.
        b.Property(c => c.Slug).HasMaxLength(120).ValueGeneratedOnAdd();
        b.HasIndex(c => c.Slug).IsUnique();
        b.HasIndex(c => c.ParentId);
        b.HasOne<Committee>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
