using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Site.Identity;

/// <summary>
/// This node's copy of the site identity: the palette, its stylesheet and the logo, all in memory,
/// so neither a page's header nor the logo and stylesheet addresses cost a query.
/// <see cref="IdentityRefresher"/> reads it at start and whenever the catalogue's version moves
/// (a save on any node bumps it); an Administrator's save refreshes it at once. Until the first
/// read, and while no row exists, the defaults apply.
/// </summary>
public sealed class IdentityStore
{
    /// <summary>The identity as served: <see cref="CustomColours"/> and <see cref="CustomLogo"/> say whether an Administrator chose them.</summary>
    public sealed record Snapshot(Palette Palette, bool CustomColours, string Css, string CssVersion,
        Logos.Prepared? Logo, bool CustomLogo, string? LogoVersion, DateTimeOffset? UpdatedAt);

    private readonly IdentityDefaults _defaults;
    private readonly SiteIdentity _look;
    private readonly Lock _gate = new();
    private Snapshot _current;
    private long _started;
    private long _applied;

    public IdentityStore(IdentityDefaults defaults, SiteIdentity look)
    {
        _defaults = defaults;
        _look = look;
        _current = Build(null);
        look.Set(LookOf(_current));
    }

    public Snapshot Current => Volatile.Read(ref _current);

    public IdentityDefaults Defaults => _defaults;

    /// <summary>Reads the row; a read that began before another finished never replaces the newer one.</summary>
    public async Task RefreshAsync(NormativeDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ticket = Interlocked.Increment(ref _started);
        var row = await db.SiteIdentitySettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteIdentitySettings.SingleId, ct);
        var snapshot = Build(row);
        lock (_gate)
        {
            if (ticket > _applied)
            {
                _applied = ticket;
                Volatile.Write(ref _current, snapshot);
                _look.Set(LookOf(snapshot));
            }
        }
    }

    private Snapshot Build(SiteIdentitySettings? row)
    {
        var fallback = _defaults.Palette;
        var palette = new Palette(row?.PrimaryColour ?? fallback.Primary, row?.LinkColour ?? fallback.Link, row?.AccentColour ?? fallback.Accent);
        var css = IdentityRules.Stylesheet(palette);
        var logo = row?.Logo is { } png ? new Logos.Prepared(png, row.LogoWidth ?? 0, row.LogoHeight ?? 0) : _defaults.Logo;
        return new Snapshot(palette, row?.PrimaryColour is not null || row?.LinkColour is not null || row?.AccentColour is not null,
            css, IdentityRules.Version(Encoding.UTF8.GetBytes(css)),
            logo, row?.Logo is not null, logo is null ? null : IdentityRules.Version(logo.Png), row?.UpdatedAt);
    }

    private static SiteIdentity.Look LookOf(Snapshot snapshot)
    {
        var builtIn = SiteIdentity.BuiltIn;
        var (width, height) = snapshot.Logo is { } logo ? Logos.Shown(logo.Width, logo.Height) : (builtIn.LogoWidth, builtIn.LogoHeight);
        return new SiteIdentity.Look(
            snapshot.LogoVersion is { } logoVersion ? IdentityLinks.Logo(logoVersion) : builtIn.LogoUrl, width, height,
            snapshot.Palette == Palette.BuiltIn ? null : IdentityLinks.Colours(snapshot.CssVersion));
    }
}
