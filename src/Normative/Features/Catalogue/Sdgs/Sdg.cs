using System.Text.Json;
using Normative.Web;

namespace Normative.Features.Catalogue.Sdgs;

/// <summary>
/// One of the UN's 17 Sustainable Development Goals: its number, its official colour and a short
/// name per language. The goals are data (goals.json beside this file, which says where each fact
/// comes from), read once.
/// </summary>
public sealed record Sdg(int Number, string Colour, IReadOnlyDictionary<string, string> Names)
{
    public const int Count = 17;

    private static readonly Lazy<IReadOnlyList<Sdg>> Goals = new(Load);

    /// <summary>The 17 goals in order; <c>All[n - 1]</c> is goal n.</summary>
    public static IReadOnlyList<Sdg> All => Goals.Value;

    public static bool IsGoal(int number) => number is >= 1 and <= Count;

    public static Sdg? Find(int number) => IsGoal(number) ? All[number - 1] : null;

    /// <summary>The short name in the page's language (English when there is none).</summary>
    public string Name(string? language = null) =>
        Names.TryGetValue(language ?? Cultures.Current, out var name) ? name : Names[Cultures.Default];

    private static List<Sdg> Load()
    {
        using var stream = typeof(Sdg).Assembly.GetManifestResourceStream("Normative.Features.Catalogue.Sdgs.goals.json")
            ?? throw new InvalidOperationException("goals.json is not embedded.");
        using var json = JsonDocument.Parse(stream);
        var goals = json.RootElement.GetProperty("goals").EnumerateArray()
            .Select(g => new Sdg(
                g.GetProperty("number").GetInt32(),
                g.GetProperty("colour").GetString()!,
                g.GetProperty("name").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)))
            .OrderBy(g => g.Number)
            .ToList();
        return goals.Count == Count && goals.Select((g, i) => g.Number == i + 1).All(ok => ok)
            ? goals
            : throw new InvalidOperationException("goals.json must list the goals 1 to 17 once each.");
    }
}
