namespace Normative.Features.Content.Pages;

/// <summary>What a revision records: a text (the default loaded, a save, a restore) or a change of status.</summary>
public enum PageRevisionKind
{
    Default,
    Saved,
    Restored,
    Hidden,
    Published,
}
