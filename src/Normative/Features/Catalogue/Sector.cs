namespace Normative.Features.Catalogue;

/// <summary>A sector on the home page's "Explore by sector"; its name is the resource Sector.{Slug}.</summary>
public sealed record Sector(string Slug)
{
    public string NameKey => "Sector." + Slug;

    public static readonly IReadOnlyList<Sector> All =
    [
        new("health"),
        new("it"),
        new("transport"),
        new("environment"),
        new("management"),
        new("security"),
        new("food"),
        new("building"),
        new("energy"),
        new("engineering"),
        new("materials"),
        new("diversity"),
    ];
}
