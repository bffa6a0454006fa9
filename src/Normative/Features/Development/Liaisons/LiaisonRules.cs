using Normative.Features.Development.Committees;

namespace Normative.Features.Development.Liaisons;

/// <summary>
/// Which liaisons a committee may have (ISO/IEC Directives, Part 1, 1.17): organizations in category A
/// or B liaise with a technical committee or subcommittee, in category C with a working group; an
/// internal liaison joins any two committees. Category A and C organizations may nominate experts to
/// working groups (1.12.2), category B ones only receive documents.
/// </summary>
public static class LiaisonRules
{
    /// <summary>Null when a committee of this kind may have a liaison of this category, else why not (a resource key).</summary>
    public static string? CheckCategory(CommitteeKind? kind, LiaisonCategory category) => (category, kind) switch
    {
        (LiaisonCategory.Internal, _) => null,
        (LiaisonCategory.A or LiaisonCategory.B, CommitteeKind.TC or CommitteeKind.SC) => null,
        (LiaisonCategory.A or LiaisonCategory.B, _) => "Error.Liaison.AbAtCommittee",
        (LiaisonCategory.C, CommitteeKind.WG or CommitteeKind.JWG) => null,
        _ => "Error.Liaison.CAtWorkingGroup",
    };

    /// <summary>Category A and C organizations take part in the technical work and nominate experts.</summary>
    public static bool NominatesExperts(LiaisonCategory category) => category is LiaisonCategory.A or LiaisonCategory.C;
}
