using System.Globalization;
using System.Text.RegularExpressions;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>
/// The structure of committees (ISO/IEC Directives, Part 1, 1.5, 1.6, 1.12): a subcommittee belongs
/// to a technical committee; working, advisory and joint working groups to a technical committee or
/// a subcommittee; a technical committee to nothing. References follow from it ("ISO/TC 176/SC 2").
/// </summary>
public static partial class CommitteeRules
{
    public const string Active = "Active";
    public const string Disbanded = "Disbanded";

    /// <summary>The kind a reference names by its last part ("ISO/TC 176/SC 2" is an SC; "ISO/IEC JTC 1" a TC).</summary>
    public static CommitteeKind? KindOf(string reference)
    {
        var m = LastPart().Match(reference ?? "");
        return !m.Success ? null : m.Groups[1].Value switch
        {
            "TC" or "JTC" or "PC" => CommitteeKind.TC,
            "SC" => CommitteeKind.SC,
            "WG" => CommitteeKind.WG,
            "AG" => CommitteeKind.AG,
            "JWG" => CommitteeKind.JWG,
            _ => null,
        };
    }

    /// <summary>Null when a committee of this kind may sit under a parent of that kind (null: no parent), else why not (a resource key).</summary>
    public static string? CheckParent(CommitteeKind kind, CommitteeKind? parent) => (kind, parent) switch
    {
        (CommitteeKind.TC, null) => null,
        (CommitteeKind.TC, _) => "Error.Committee.TcHasNoParent",
        (_, null) => "Error.Committee.ParentNeeded",
        (CommitteeKind.SC, CommitteeKind.TC) => null,
        (CommitteeKind.SC, _) => "Error.Committee.ScUnderTc",
        (_, CommitteeKind.TC or CommitteeKind.SC) => null,
        _ => "Error.Committee.GroupUnderTcOrSc",
    };

    /// <summary>The reference of a new committee: "ISO/TC 207" from its prefix, "ISO/TC 207/SC 1" from its parent.</summary>
    public static string Reference(CommitteeKind kind, string? parentReference, int number, string? prefix) =>
        kind == CommitteeKind.TC
            ? string.Create(CultureInfo.InvariantCulture, $"{(string.IsNullOrWhiteSpace(prefix) ? "ISO" : prefix.Trim())}/TC {number}")
            : string.Create(CultureInfo.InvariantCulture, $"{parentReference}/{kind} {number}");

    public static bool IsDisbanded(Committee committee) => string.Equals(committee?.Status, Disbanded, StringComparison.Ordinal);

    [GeneratedRegex(@"(?:^|[/ ])(TC|JTC|PC|SC|WG|AG|JWG) \d+$")]
    private static partial Regex LastPart();
}
