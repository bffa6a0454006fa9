using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Normative.Features.Certification.Statistics;

/// <summary>
/// Bar charts as inline SVG drawn on the server: no script, colours from site.css, and a title and
/// description for screen readers (each chart also has a table beside it).
/// </summary>
public static class SvgChart
{
    private const int Width = 720;

    /// <summary>One horizontal bar per item, its label on the left and its value at the end.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<(string Label, long Value)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        const int row = 28, labelWidth = 190, top = 8;
        var height = top * 2 + Math.Max(1, items.Count) * row;
        var max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value));
        var plot = Width - labelWidth - 90;
        var svg = Open(id, title, description, Width, height);
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = top + i * row;
            var w = Math.Max(value > 0 ? 2 : 0, (int)Math.Round(plot * (double)value / max));
            svg.Append(Inv($"<text class=\"chart-label\" x=\"{labelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\">{E(Shorten(label, 28))}</text>"));
            svg.Append(Inv($"<rect class=\"chart-bar\" x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{w}\" height=\"{row - 10}\" rx=\"2\"></rect>"));
            svg.Append(Inv($"<text class=\"chart-value\" x=\"{labelWidth + w + 6}\" y=\"{y + 18}\">{E(value.ToString("N0", CultureInfo.CurrentCulture))}</text>"));
        }
        return Close(svg);
    }

    /// <summary>One column per item (years), with a value axis of four lines.</summary>
    public static IHtmlContent Columns(string id, string title, string description, IReadOnlyList<(string Label, long Value)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        const int height = 300, left = 70, bottom = 30, top = 16;
        var max = Nice(Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value)));
        var plotHeight = height - bottom - top;
        var plotWidth = Width - left - 10;
        var svg = Open(id, title, description, Width, height);
        for (var g = 0; g <= 4; g++)
        {
            var value = max * g / 4;
            var y = top + plotHeight - (int)Math.Round(plotHeight * (double)value / max);
            svg.Append(Inv($"<line class=\"chart-grid\" x1=\"{left}\" x2=\"{Width - 10}\" y1=\"{y}\" y2=\"{y}\"></line>"));
            svg.Append(Inv($"<text class=\"chart-axis\" x=\"{left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{E(value.ToString("N0", CultureInfo.CurrentCulture))}</text>"));
        }
        if (items.Count > 0)
        {
            var slot = (double)plotWidth / items.Count;
            var barWidth = Math.Max(2, (int)(slot * 0.7));
            var every = Math.Max(1, (int)Math.Ceiling(items.Count / 12.0));
            for (var i = 0; i < items.Count; i++)
            {
                var (label, value) = items[i];
                var h = (int)Math.Round(plotHeight * (double)value / max);
                var x = left + (int)(i * slot + (slot - barWidth) / 2);
                svg.Append(Inv($"<rect class=\"chart-bar\" x=\"{x}\" y=\"{top + plotHeight - h}\" width=\"{barWidth}\" height=\"{h}\"><title>{E(label)}: {E(value.ToString("N0", CultureInfo.CurrentCulture))}</title></rect>"));
                if (i % every == 0)
                {
                    svg.Append(Inv($"<text class=\"chart-axis\" x=\"{x + barWidth / 2}\" y=\"{height - 10}\" text-anchor=\"middle\">{E(label)}</text>"));
                }
            }
        }
        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height) =>
        new StringBuilder().Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"))
            .Append(Inv($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>"));

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    /// <summary>The next round number above the largest value, so that the axis reads well.</summary>
    private static long Nice(long max)
    {
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 4, 5, 10 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
