namespace Normative.Features.Shared;

/// <summary>
/// Marks a link builder method (a feature's XxxLinks class) with the Razor Page its path leads to,
/// by the page's name ("/Store/Orders/OrderDetails"). A test calls every marked method and checks
/// that the router sends its path to that page, so a page that moves cannot leave dead links.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false)]
public sealed class LinkToAttribute(string page) : Attribute
{
    public string Page { get; } = page;
}
