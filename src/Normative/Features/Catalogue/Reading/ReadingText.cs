namespace Normative.Features.Catalogue.Reading;

/// <summary>The marker for the reader's and the terms search's texts (Resources/Features/Catalogue/Reading/ReadingText.*.resx).</summary>
public sealed class ReadingText;
