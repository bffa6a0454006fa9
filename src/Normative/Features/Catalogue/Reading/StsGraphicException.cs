namespace Normative.Features.Catalogue.Reading;

/// <summary>A graphic of a package that cannot be loaded (too large): reported, and the text loads without it.</summary>
public sealed class StsGraphicException(string message) : Exception(message);
