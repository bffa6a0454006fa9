using Normative.Data;

namespace Normative.Tests.Architecture;

/// <summary>
/// The code's direction: Shared ← Catalogue ← (Store, Development, Certification, Site), with the
/// platform (Web, Data, Mail, the command line's host) underneath, Accounts above Shared and the
/// administrators' pages (Admin) beside the catalogue.
/// Nothing lower names anything higher and sibling features do not name each other; they meet
/// through slots and interfaces the lower layer owns. The composition roots — Program, the one
/// DbContext, the demo — may name everything.
/// </summary>
public class DependencyDirectionTests
{
    private static readonly (string Namespace, int Layer)[] Layers =
    [
        ("Normative.Features.Store", 3),
        ("Normative.Features.Development", 3),
        ("Normative.Features.Certification", 3),
        ("Normative.Features.Site", 3),
        ("Normative.Features.Content", 3),
        ("Normative.Features.Catalogue", 2),
        ("Normative.Features.Accounts", 1),
        ("Normative.Features.Admin", 2),
        ("Normative.Features.Shared", 0),
        ("Normative.Features", 0),
        ("Normative.Web", 0),
        ("Normative.Data", 0),
        ("Normative.Mail", 0),
        ("Normative.Cli", 0),
    ];

    // The demo loader fills every feature; the compiled model is NormativeDb's model written out
    // (./build.sh model), so it names every feature's entities as NormativeDb does.
    private static readonly string[] CompositionRoots = ["Normative.Cli.Demo", "Normative.Data.CompiledModel"];

    private static bool IsCompositionRoot(Type type, string home) =>
        type == typeof(Program) || type == typeof(NormativeDb)
        || CompositionRoots.Any(r => home == r || home.StartsWith(r + ".", StringComparison.Ordinal))
        || home.Length == 0;

    /// <summary>The layer and the feature ("Normative.Features.Store") a namespace belongs to.</summary>
    private static (int Layer, string Unit) Place(string home)
    {
        foreach (var (ns, layer) in Layers)
        {
            if (home == ns || home.StartsWith(ns + ".", StringComparison.Ordinal))
            {
                return (layer, ns);
            }
        }
        return (0, home);
    }

    [Fact]
    public void NoLayerNamesAHigherOneAndSiblingFeaturesDoNotNameEachOther()
    {
        var assembly = typeof(Program).Assembly;
        var views = TypeReferences.RazorViews(assembly);
        var violations = new List<string>();
        foreach (var (type, used) in TypeReferences.Of(assembly))
        {
            var home = TypeReferences.HomeOf(type, views);
            if (IsCompositionRoot(type, home))
            {
                continue;
            }
            var (layer, unit) = Place(home);
            foreach (var target in used)
            {
                var targetHome = TypeReferences.HomeOf(target, views);
                if (target == typeof(Program) || targetHome.Length == 0)
                {
                    continue;
                }
                var (targetLayer, targetUnit) = Place(targetHome);
                if (targetLayer > layer || (targetLayer == layer && layer > 0 && targetUnit != unit))
                {
                    violations.Add($"{home} ({Name(type, views)}) names {targetHome} ({target.Name})");
                }
            }
        }
        Assert.True(violations.Count == 0, "Back-edges:\n" + string.Join("\n", violations.Distinct().Order()));
    }

    [Fact]
    public void TheCheckSeesReferencesInMethodBodiesAndViews()
    {
        // A check that sees nothing would pass anything: the store's cart link is named from the
        // store's own feature registration (a method body) and its view names its model.
        var assembly = typeof(Program).Assembly;
        var views = TypeReferences.RazorViews(assembly);
        var map = TypeReferences.Of(assembly);
        Assert.Contains(typeof(Normative.Features.Store.Carts.CartLinkViewComponent), map[typeof(Normative.Features.Store.StoreFeature)]);
        var cartPage = views.Single(v => v.Value == "Normative.Features.Store.Carts" && v.Key.Name.EndsWith("_Cart", StringComparison.Ordinal)).Key;
        Assert.Contains(typeof(Normative.Features.Store.Carts.CartModel), map[cartPage]);
    }

    private static string Name(Type type, IReadOnlyDictionary<Type, string> views) =>
        views.ContainsKey(type) ? type.Name + " view" : type.Name;
}
