using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Normative.Features.Shared;

/// <summary>
/// Every <c>&lt;div class="table-scroll"&gt;</c> around a wide table becomes a named, focusable
/// region, so a keyboard can scroll it (site.css shades the edge that has more to see). The name is
/// the table's caption when it has one, else "Table N" in the page's language; a page may give its own
/// aria-label.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class=table-scroll]")]
public sealed partial class ScrollingTableTagHelper(IStringLocalizer<SiteText> text) : TagHelper
{
    private const string CounterKey = "table-scroll-count";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var items = ViewContext.HttpContext.Items;
        var number = (items.TryGetValue(CounterKey, out var n) ? (int)n! : 0) + 1;
        items[CounterKey] = number;
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        if (!output.Attributes.ContainsName("aria-label") && !output.Attributes.ContainsName("aria-labelledby"))
        {
            var content = (await output.GetChildContentAsync()).GetContent();
            var caption = Caption().Match(content);
            var label = caption.Success
                ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, "")).Trim()
                : "";
            output.Attributes.SetAttribute("aria-label", label.Length > 0 ? label : text["Shell.Table", number].Value);
        }
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
