namespace Normative.Features.Content.Pages;

/// <summary>The footer's and the sitemap page's groups of institutional pages.</summary>
public enum PageGroup
{
    About,
    WorkingWithUs,
    Legal,
}
