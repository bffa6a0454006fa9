namespace Normative.Features.Content.Pages;

/// <summary>A hidden page answers 404 and is in no list; its text and history stay.</summary>
public enum PageStatus
{
    Published,
    Hidden,
}
