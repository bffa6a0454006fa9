using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Development.Membership;

/// <summary>
/// A national standards body, one per country: a member body, a correspondent member or a
/// subscriber member. Its delegates vote and comment for it.
/// </summary>
public class MemberBody
{
    public int Id { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case ("FR"); the member's address on the site.</summary>
    public required string CountryCode { get; set; }
    /// <summary>ISO 3166-1 alpha-3 ("FRA").</summary>
    public required string CountryCode3 { get; set; }
    public required string CountryEn { get; set; }
    public required string CountryFr { get; set; }
    public required string CountryEs { get; set; }
    public required string CountryRu { get; set; }
    public required string Acronym { get; set; }
    public required string Name { get; set; }
    public MemberCategory Category { get; set; }
    public Region Region { get; set; }
    public string? WebSite { get; set; }
    /// <summary>The postal address, as it is written on an envelope (several lines).</summary>
    public string? Address { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>When an administrator suspended the body: it is put on no new ballot and casts no vote until reinstated.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public bool Suspended => SuspendedAt is not null;

    /// <summary>The country's name in a UI language (en, fr, es, ru).</summary>
    public string Country(string language) => language switch
    {
        "fr" => CountryFr,
        "es" => CountryEs,
        "ru" => CountryRu,
        _ => CountryEn,
    };
}

internal sealed class MemberBodyConfiguration : IEntityTypeConfiguration<MemberBody>
{
    public void Configure(EntityTypeBuilder<MemberBody> b)
    {
        b.ToTable("member_bodies");
        b.Property(m => m.CountryCode).HasMaxLength(2);
        b.Property(m => m.CountryCode3).HasMaxLength(3);
        b.Property(m => m.CountryEn).HasMaxLength(100);
        b.Property(m => m.CountryFr).HasMaxLength(100);
        b.Property(m => m.CountryEs).HasMaxLength(100);
        b.Property(m => m.CountryRu).HasMaxLength(100);
        b.Property(m => m.Acronym).HasMaxLength(30);
        b.Property(m => m.Name).HasMaxLength(300);
        b.Property(m => m.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Region).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.WebSite).HasMaxLength(300);
        b.Property(m => m.Address).HasMaxLength(1000);
        b.Property(m => m.ContactEmail).HasMaxLength(256);
        b.Property(m => m.ContactPhone).HasMaxLength(50);
        b.Ignore(m => m.Suspended);
        b.HasIndex(m => m.CountryCode).IsUnique();
        b.HasIndex(m => m.CountryCode3).IsUnique();
        b.HasIndex(m => m.Acronym).IsUnique();
    }
}
