namespace Normative.Features.Catalogue.Reading;

public enum StsImportKind
{
    /// <summary>The deliverable had no text in this language from this publisher.</summary>
    Added,
    /// <summary>A new release replaced the text loaded before.</summary>
    Replaced,
    /// <summary>The same file was loaded before: nothing changed.</summary>
    Unchanged,
}
