using System.Diagnostics.CodeAnalysis;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Development.Ballots;

namespace Normative.Features.Development.Projects;

/// <summary>
/// A project's reference through the identifier parser: stored without stage or year ("ISO 9001",
/// "ISO 9001:2015/Amd 1") and shown with the stage's abbreviation ("ISO/DIS 9001",
/// "ISO 9001:2015/DAmd 1") or, once published, with its year ("ISO 9001:2026").
/// </summary>
public static class ProjectReference
{
    private static readonly DeliverableType[] Types = [DeliverableType.IS, DeliverableType.TS, DeliverableType.TR, DeliverableType.PAS];

    /// <summary>
    /// Reads what a committee manager typed ("ISO/NP 9001", "iso 9001:2015/amd 1") into the stored form.
    /// On failure, <paramref name="errorKey"/> is a DevelopmentText resource and <paramref name="detail"/> the parser's reason.
    /// </summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out PublicationIdentifier? reference,
        [NotNullWhen(false)] out string? errorKey, out string? detail)
    {
        reference = null;
        detail = null;
        if (!PublicationIdentifier.TryParse(input, out var id, out var error))
        {
            errorKey = "Error.Project.Reference";
            detail = error;
            return false;
        }
        if (!Types.Contains(id.Type))
        {
            errorKey = "Error.Project.Type";
            return false;
        }
        if (id.Number is null)
        {
            errorKey = "Error.Project.Reference";
            return false;
        }
        var plain = id with { Stage = null, Iteration = null, Edition = null, Languages = default };
        if (id.Supplements.Count > 0)
        {
            var last = id.Supplements[^1];
            if (id.Supplements.Count > 1 || last.Kind is not (SupplementKind.Amd or SupplementKind.Cor) || last.Number is null)
            {
                errorKey = "Error.Project.Supplement";
                return false;
            }
            if (id.Year is null)
            {
                errorKey = "Error.Project.SupplementBase";
                return false;
            }
            reference = plain with { Supplements = [last with { Stage = null, Iteration = null, Year = null, Month = null }] };
        }
        else
        {
            reference = plain with { Year = null };
        }
        errorKey = null;
        return true;
    }

    /// <summary>For a supplement, the reference of the standard it amends ("ISO 9001:2015"); else null.</summary>
    public static string? BaseOf(PublicationIdentifier reference) =>
        reference.Supplements.Count == 0 ? null : (reference with { Supplements = default }).ToString();

    /// <summary>
    /// The draft a ballot is about: "ISO/DIS 9001" on a DIS ballot; on a systematic review, the
    /// published standard with its year ("ISO 31000:2018").
    /// </summary>
    public static string ForBallot(Project project, BallotKind kind) =>
        kind is BallotKind.SR or BallotKind.Withdrawal
            ? AtStage(project.Reference, StageCodes.Published, project.PublishedOn?.Year)
            : StageRules.BallotStage(kind) is { } stage ? AtStage(project.Reference, stage) : Current(project);

    /// <summary>The reference as written now: "ISO/DIS 9001" during the enquiry, "ISO 9001:2026" once published.</summary>
    public static string Current(Project project) => AtStage(project.Reference, project.Stage, project.PublishedOn?.Year);

    /// <summary>The reference as written at <paramref name="stage"/>; <paramref name="year"/> is the publication year once published.</summary>
    public static string AtStage(string reference, int stage, int? year = null)
    {
        if (!PublicationIdentifier.TryParse(reference, out var id, out _))
        {
            return reference;
        }
        var draft = StageCodes.DraftStageFor(stage);
        if (id.Supplements.Count > 0)
        {
            var last = id.Supplements[^1] with { Stage = draft, Year = draft is null ? year : null };
            return (id with { Supplements = [.. id.Supplements.Take(id.Supplements.Count - 1), last] }).ToString();
        }
        return (id with { Stage = draft, Year = draft is null ? year : null }).ToString();
    }
}
