namespace Normative.Features.Content;

/// <summary>The site's own voice (email updates, news, events): Resources/Features/Content/ContentText*.resx.</summary>
public sealed class ContentText;
