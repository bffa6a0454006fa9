using System.Globalization;

namespace Normative.Features.Catalogue;

/// <summary>
/// The harmonized stage codes of the ISO/IEC Directives (00.00 … 95.99), stored as integers
/// (6060 is 60.60). Each code's name is the resource "Stage.NNNN" in CatalogueText.
/// </summary>
public static class HarmonizedStages
{
    public static readonly IReadOnlyList<int> All =
    [
        0000, 0020, 0060, 0098, 0099,
        1000, 1020, 1060, 1092, 1098, 1099,
        2000, 2020, 2060, 2098, 2099,
        3000, 3020, 3060, 3092, 3098, 3099,
        4000, 4020, 4060, 4092, 4093, 4098, 4099,
        5000, 5020, 5060, 5092, 5098, 5099,
        6000, 6060,
        9000, 9020, 9060, 9092, 9093, 9099,
        9520, 9560, 9592, 9599,
    ];

    private static readonly HashSet<int> Known = [.. All];

    public static bool IsKnown(int stage) => Known.Contains(stage);

    /// <summary>"60.60" for 6060.</summary>
    public static string Format(int stage) =>
        (stage / 100).ToString("D2", CultureInfo.InvariantCulture) + "." + (stage % 100).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Reads "60.60", "6060" or "60.6"; null when it is not a harmonized stage code.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        int code;
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            if (!int.TryParse(t[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var stage)
                || !int.TryParse(t[(dot + 1)..].PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture, out var sub)
                || t.Length - dot - 1 > 2)
            {
                return null;
            }
            code = stage * 100 + sub;
        }
        else if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out code))
        {
            return null;
        }
        return IsKnown(code) ? code : null;
    }

    public static DeliverableStatus StatusOf(int stage) => stage switch
    {
        9599 => DeliverableStatus.Withdrawn,
        >= 6060 => DeliverableStatus.Published,
        _ when stage % 100 == 98 => DeliverableStatus.Deleted,
        _ => DeliverableStatus.UnderDevelopment,
    };

    public static string NameKey(int stage) => "Stage." + stage.ToString("D4", CultureInfo.InvariantCulture);
}
