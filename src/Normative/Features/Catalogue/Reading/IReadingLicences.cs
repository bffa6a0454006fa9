namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// Whether a person may read a deliverable's whole text in a language. Licences are sold by the
/// store, which sits above the catalogue: it registers its own answer; without a store, nobody holds one.
/// </summary>
public interface IReadingLicences
{
    Task<bool> HoldsAsync(string userId, int deliverableId, string language, CancellationToken ct);
}
