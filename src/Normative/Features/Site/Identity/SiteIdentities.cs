using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Site.Identity;

/// <summary>What Administrators do to the site identity. Each change touches the one row, whose trigger bumps the catalogue's version (0516).</summary>
public static class SiteIdentities
{
    /// <summary>Sets the three colours (already checked by <see cref="IdentityRules"/>).</summary>
    public static async Task SetColoursAsync(NormativeDb db, Palette palette, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(palette);
        var row = await RowAsync(db, ct);
        row.PrimaryColour = palette.Primary;
        row.LinkColour = palette.Link;
        row.AccentColour = palette.Accent;
        row.UpdatedAt = now;
        row.UpdatedBy = by;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Replaces the logo with <paramref name="logo"/>.</summary>
    public static async Task SetLogoAsync(NormativeDb db, Logos.Prepared logo, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logo);
        var row = await RowAsync(db, ct);
        row.Logo = logo.Png;
        row.LogoWidth = logo.Width;
        row.LogoHeight = logo.Height;
        row.UpdatedAt = now;
        row.UpdatedBy = by;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Brings back the defaults (configuration's, else the built-in logo and colours); true when there was a choice to undo.</summary>
    public static async Task<bool> RestoreDefaultsAsync(NormativeDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.SiteIdentitySettings.Where(s => s.Id == SiteIdentitySettings.SingleId).ExecuteDeleteAsync(ct) > 0;
    }

    private static async Task<SiteIdentitySettings> RowAsync(NormativeDb db, CancellationToken ct)
    {
        if (await db.SiteIdentitySettings.FirstOrDefaultAsync(s => s.Id == SiteIdentitySettings.SingleId, ct) is { } row)
        {
            return row;
        }
        row = new SiteIdentitySettings();
        db.SiteIdentitySettings.Add(row);
        return row;
    }
}
