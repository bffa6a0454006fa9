namespace Normative.Features.Catalogue;

/// <summary>The marker for the catalogue's texts (Resources/Features/Catalogue/CatalogueText.*.resx).</summary>
public sealed class CatalogueText;
