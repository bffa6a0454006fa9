namespace Normative.Features.Catalogue.Reading;

/// <summary>How to attach an STS file: to a given deliverable (an Editor's upload on its page), or to the one its identifier names, created if <see cref="Create"/>.</summary>
public sealed record StsImportOptions(int? DeliverableId = null, bool Create = false, string? By = null);
