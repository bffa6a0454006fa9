namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// Work another feature does right after `normative import deliverables` changed the catalogue —
/// the store, for one, tells buyers that a standard they bought was amended or replaced. Registered
/// as a scoped service; returns a line for the command's output, or null.
/// </summary>
public interface ICatalogueImported
{
    Task<string?> AfterImportAsync(ImportResult result, CancellationToken ct);
}
