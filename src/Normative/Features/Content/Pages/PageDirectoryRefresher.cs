using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Content.Pages;

/// <summary>Keeps <see cref="PageDirectory"/> (which institutional pages exist, for the footer) in step with the database.</summary>
public sealed class PageDirectoryRefresher(IServiceScopeFactory scopes, PageDirectory directory, CatalogueVersion version, TimeProvider clock, ILogger<PageDirectoryRefresher> logger)
    : CatalogueVersionRefresher(scopes, version, clock, logger)
{
    protected override string Name => "Reading the institutional pages' statuses";

    protected override Task RefreshAsync(NormativeDb db, CancellationToken ct) => directory.RefreshAsync(db, ct);
}
