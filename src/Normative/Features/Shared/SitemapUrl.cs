namespace Normative.Features.Shared;

/// <summary>One address in sitemap.xml: a site-relative path and, when known, when its content last changed.</summary>
public sealed record SitemapUrl(string Path, DateOnly? LastModified = null);
