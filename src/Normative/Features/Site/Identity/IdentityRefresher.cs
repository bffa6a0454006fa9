using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Site.Identity;

/// <summary>Keeps <see cref="IdentityStore"/> (the site's name, logo and colours) in step with the database (saves bump the catalogue's version, migration 0516).</summary>
public sealed class IdentityRefresher(IServiceScopeFactory scopes, IdentityStore store, CatalogueVersion version, TimeProvider clock, ILogger<IdentityRefresher> logger)
    : CatalogueVersionRefresher(scopes, version, clock, logger)
{
    protected override string Name => "Reading the site identity";

    protected override Task RefreshAsync(NormativeDb db, CancellationToken ct) => store.RefreshAsync(db, ct);
}
