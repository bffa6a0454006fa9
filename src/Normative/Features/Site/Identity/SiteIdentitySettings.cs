using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Site.Identity;

/// <summary>
/// The logo and colours an Administrator set (migration 0516): one row, absent while the defaults
/// apply. A null column keeps that part's default.
/// </summary>
public class SiteIdentitySettings
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    /// <summary>The logo as <see cref="Logos.Prepare"/> made it: a PNG at most the header's size.</summary>
    public byte[]? Logo { get; set; }
    public int? LogoWidth { get; set; }
    public int? LogoHeight { get; set; }
    /// <summary>"#rrggbb", lower case.</summary>
    public string? PrimaryColour { get; set; }
    public string? LinkColour { get; set; }
    public string? AccentColour { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class SiteIdentitySettingsConfiguration : IEntityTypeConfiguration<SiteIdentitySettings>
{
    public void Configure(EntityTypeBuilder<SiteIdentitySettings> b)
    {
        b.ToTable("site_identity");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.PrimaryColour).HasMaxLength(7);
        b.Property(s => s.LinkColour).HasMaxLength(7);
        b.Property(s => s.AccentColour).HasMaxLength(7);
        b.Property(s => s.UpdatedBy).HasMaxLength(450);
    }
}
