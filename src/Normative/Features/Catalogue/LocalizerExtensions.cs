using Microsoft.Extensions.Localization;

namespace Normative.Features.Catalogue;

public static class LocalizerExtensions
{
    /// <summary>The text for <paramref name="key"/>, or <paramref name="fallback"/> when there is none (a deliverable type the data has and the site does not know).</summary>
    public static string TextOr(this IStringLocalizer localizer, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
