using Normative.Features.Catalogue;
using Normative.Features.Development.Committees;

namespace Normative.Features.Development.Projects;

/// <summary>Pure rules about a project's place in its committee.</summary>
public static class ProjectRules
{
    /// <summary>A project's working group is a WG or JWG directly under the project's committee, and not disbanded.</summary>
    public static bool IsWorkingGroupOf(Committee? group, Committee committee) =>
        group is not null
        && group.ParentId == committee.Id
        && CommitteeRules.KindOf(group.Reference) is CommitteeKind.WG or CommitteeKind.JWG
        && !CommitteeRules.IsDisbanded(group);
}
