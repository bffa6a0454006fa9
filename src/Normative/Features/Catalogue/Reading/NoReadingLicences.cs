namespace Normative.Features.Catalogue.Reading;

/// <summary>The catalogue alone sells nothing: everyone reads the preview only.</summary>
internal sealed class NoReadingLicences : IReadingLicences
{
    public Task<bool> HoldsAsync(string userId, int deliverableId, string language, CancellationToken ct) => Task.FromResult(false);
}
