using Normative.Features.Shared;

namespace Normative.Features.Store;

/// <summary>
/// The countries a buyer can be billed in: the site's list of ISO 3166-1 alpha-2 codes
/// (<see cref="CountryCodes"/>, one list for the whole site).
/// </summary>
public static class Countries
{
    public static bool IsKnown(string code) => CountryCodes.TryNormalize(code, out _);

    /// <summary>Every country, sorted by its name in the current UI language.</summary>
    public static IReadOnlyList<(string Code, string Name)> All() => CountryCodes.ByName();

    /// <summary>The country's name in the current UI language ("Suisse" in French).</summary>
    public static string NameOf(string code) => CountryCodes.Name(code.ToUpperInvariant());
}
