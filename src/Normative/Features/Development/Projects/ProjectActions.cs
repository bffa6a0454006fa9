using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Documents;

namespace Normative.Features.Development.Projects;

/// <summary>
/// Registers projects and moves them through the stage codes. Every move is checked by
/// <see cref="StageRules"/>, recorded as a <see cref="ProjectStageEvent"/> in the same transaction as
/// the new stage, and carried to the catalogue deliverable: reaching 60.60 creates or updates it and
/// withdraws (95.99) the edition it replaces.
/// </summary>
public static class ProjectActions
{
    public static async Task<Attempt<Project>> CreateAsync(NormativeDb db, ProjectDraft draft, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FindAsync([draft.CommitteeId], ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        // A disbanded committee keeps its records and its standards, but takes no new work.
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Committee.Disbanded", committee.Reference);
        }
        if (draft.WorkingGroupId is { } groupId)
        {
            var group = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == groupId, ct);
            if (!ProjectRules.IsWorkingGroupOf(group, committee))
            {
                return DevelopmentError.Conflict("Error.Project.WorkingGroup", group?.Reference ?? groupId.ToString(System.Globalization.CultureInfo.InvariantCulture), committee.Reference);
            }
        }
        if (!ProjectReference.TryNormalize(draft.Reference, out var reference, out var error, out var detail))
        {
            return DevelopmentError.Invalid(error, draft.Reference ?? "", detail ?? "");
        }
        if (string.IsNullOrWhiteSpace(draft.TitleEn))
        {
            return DevelopmentError.Invalid("Error.Project.Title");
        }
        if (!ProjectSchedule.IsTrack(draft.TrackMonths))
        {
            return DevelopmentError.Invalid("Error.Project.Track");
        }

        Deliverable? amended = null;
        if (ProjectReference.BaseOf(reference) is { } baseReference)
        {
            amended = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Reference == baseReference, ct);
            if (amended is null)
            {
                return DevelopmentError.Invalid("Error.Project.BaseMissing", baseReference);
            }
        }
        Deliverable? replaced = null;
        if (!string.IsNullOrWhiteSpace(draft.Replaces))
        {
            var typed = PublicationIdentifier.TryParse(draft.Replaces, out var id, out _) ? id.ToString() : draft.Replaces.Trim();
            replaced = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Reference == typed, ct);
            if (replaced is null)
            {
                return DevelopmentError.Invalid("Error.Project.ReplacesMissing", draft.Replaces.Trim());
            }
        }
        if (!StageRules.StartStages(amended is not null || replaced is not null).Contains(draft.StartStage))
        {
            return DevelopmentError.Conflict("Error.Project.StartStage", StageCodes.Format(draft.StartStage));
        }
        var text = reference.ToString();
        var active = await db.Projects.AnyAsync(p => p.Reference == text && p.Stage < StageCodes.Published && p.Stage % 100 != 98, ct);
        if (active)
        {
            return DevelopmentError.Conflict("Error.Project.Duplicate", text);
        }

        var project = new Project
        {
            Reference = text,
            TitleEn = draft.TitleEn.Trim(),
            TitleFr = Clean(draft.TitleFr),
            Scope = Clean(draft.Scope),
            CommitteeId = committee.Id,
            DeliverableType = reference.Type,
            SupplementKind = reference.Supplements.Count > 0 ? reference.Supplements[0].Kind : null,
            BaseDeliverableId = amended?.Id,
            ReplacesDeliverableId = replaced?.Id,
            TrackMonths = draft.TrackMonths,
            Leader = Clean(draft.Leader),
            WorkingGroupId = draft.WorkingGroupId,
            Stage = draft.StartStage,
            StageAt = now,
            RegisteredOn = draft.StartStage == StageCodes.Registered ? DateOnly.FromDateTime(now.UtcDateTime) : null,
            CreatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        db.ProjectStageEvents.Add(new ProjectStageEvent { ProjectId = project.Id, ToStage = project.Stage, At = now, ByUserId = userId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return project;
    }

    /// <summary>
    /// Takes a published deliverable of the committee into the work programme, so that it can go to
    /// systematic review: a project at the deliverable's stage, linked to it.
    /// </summary>
    public static async Task<Attempt<Project>> AdoptAsync(NormativeDb db, int deliverableId, int committeeId, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var deliverable = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliverableId, ct);
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        if (deliverable is null || committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (!StageCodes.IsPublished(deliverable.CurrentStage) || StageCodes.IsTerminal(deliverable.CurrentStage) || !StageCodes.IsKnown(deliverable.CurrentStage))
        {
            return DevelopmentError.Conflict("Error.Project.NotPublished", deliverable.Reference);
        }
        if (await db.Projects.AnyAsync(p => p.DeliverableId == deliverableId, ct))
        {
            return DevelopmentError.Conflict("Error.Project.Duplicate", deliverable.Reference);
        }
        if (!ProjectReference.TryNormalize(deliverable.Reference, out var reference, out _, out _))
        {
            return DevelopmentError.Invalid("Error.Project.Reference", deliverable.Reference, "");
        }
        var project = new Project
        {
            Reference = reference.ToString(),
            // A project's working title is English; a deliverable published without one lends the title it has.
            TitleEn = deliverable.TitleEn ?? deliverable.TitleIn("en").Text,
            TitleFr = deliverable.TitleFr,
            Scope = deliverable.ScopeEn,
            CommitteeId = committeeId,
            DeliverableType = reference.Type,
            SupplementKind = reference.Supplements.Count > 0 ? reference.Supplements[0].Kind : null,
            TrackMonths = 36,
            Stage = deliverable.CurrentStage,
            StageAt = now,
            DeliverableId = deliverable.Id,
            PublishedOn = deliverable.PublicationDate,
            ReviewDue = deliverable.PublicationDate?.AddYears(5),
            CreatedAt = now,
        };
        if (project.SupplementKind is not null && ProjectReference.BaseOf(reference) is { } baseReference)
        {
            project.BaseDeliverableId = await db.Deliverables.Where(d => d.Reference == baseReference).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        db.ProjectStageEvents.Add(new ProjectStageEvent { ProjectId = project.Id, ToStage = project.Stage, At = now, ByUserId = userId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return project;
    }

    /// <summary>
    /// A committee manager's move to another stage, checked against the Directives' transitions. A move
    /// to 30.00, 40.00 or 50.00 starts on a draft: the one numbered <paramref name="draftNumber"/> in the
    /// committee's register, or the project's latest of the stage's type; with none it is refused.
    /// </summary>
    public static async Task<Attempt<Project>> MoveAsync(NormativeDb db, int projectId, int toStage, string? userId, string? note, DateTimeOffset now,
        int? draftNumber = null, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var project = await LockAsync(db, projectId, ct);
        if (project is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        var context = await ContextAsync(db, project, ct);
        if (StageRules.CheckManual(project.Stage, toStage, context) is { } reason)
        {
            return DevelopmentError.Conflict(reason, StageCodes.Format(project.Stage), StageCodes.Format(toStage));
        }
        if (StageRules.NeedsNote(project.Stage, toStage) && string.IsNullOrWhiteSpace(note))
        {
            return DevelopmentError.Invalid("Error.Stage.NoteNeeded", StageCodes.Format(project.Stage), StageCodes.Format(toStage));
        }
        int? draftId = null;
        if (DraftRules.ForStage(toStage) is { } draftType)
        {
            var draft = await ProjectDrafts.FindAsync(db, project, draftType, draftNumber, DraftRules.Label(draftType, 1, 1), ct: ct);
            if (!draft.Succeeded)
            {
                return draft.Error;
            }
            draftId = draft.Value.Id;
        }
        await EnterAsync(db, project, toStage, userId, note, null, now, ct, draftId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return project;
    }

    /// <summary>What the transition rules need: the outcome of the project's last closed ballot at its stage.</summary>
    public static async Task<StageContext> ContextAsync(NormativeDb db, Project project, CancellationToken ct)
    {
        BallotKind? kind = (project.Stage / 100) switch
        {
            10 => BallotKind.NP,
            30 => BallotKind.CD,
            40 => BallotKind.DIS,
            50 => BallotKind.FDIS,
            90 => BallotKind.SR,
            95 => BallotKind.Withdrawal,
            _ => null,
        };
        BallotOutcome? outcome = null;
        var negatives = 0;
        if (kind is not null)
        {
            var last = await db.Ballots.AsNoTracking()
                .Where(b => b.ProjectId == project.Id && b.Kind == kind && b.Status == BallotStatus.Closed)
                .OrderByDescending(b => b.ClosedAt)
                .Select(b => new { b.Outcome, b.Decision, Negatives = db.BallotPositions.Count(p => p.BallotId == b.Id && p.Position == VotePosition.Disapprove) })
                .FirstOrDefaultAsync(ct);
            outcome = last?.Decision ?? last?.Outcome;
            negatives = last?.Negatives ?? 0;
        }
        return new StageContext(outcome, project.BaseDeliverableId is not null || project.ReplacesDeliverableId is not null, negatives);
    }

    /// <summary>Locks the project row for the rest of the transaction, so two moves cannot interleave.</summary>
    internal static async Task<Project?> LockAsync(NormativeDb db, int projectId, CancellationToken ct)
    {
        var project = (await db.Projects.FromSql($"SELECT * FROM projects WHERE id = {projectId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (project is not null)
        {
            // An instance the context already tracked keeps its old values; read them again under the lock.
            await db.Entry(project).ReloadAsync(ct);
        }
        return project;
    }

    /// <summary>
    /// Puts the project in <paramref name="stage"/>: the event, the stage column and what the stage means
    /// for the schedule and the catalogue. The caller checks the move and saves.
    /// </summary>
    internal static async Task EnterAsync(NormativeDb db, Project project, int stage, string? userId, string? note, int? ballotId, DateTimeOffset now, CancellationToken ct,
        int? documentId = null)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ProjectStageEvents.Add(new ProjectStageEvent
        {
            ProjectId = project.Id,
            FromStage = project.Stage,
            ToStage = stage,
            At = now,
            ByUserId = userId,
            Note = Clean(note),
            BallotId = ballotId,
            DocumentId = documentId,
        });
        project.Stage = stage;
        project.StageAt = now;
        switch (stage)
        {
            case StageCodes.Registered:
                project.RegisteredOn ??= today;
                break;
            case StageCodes.Published:
                await PublishAsync(db, project, userId, now, ct);
                return;
            case StageCodes.Confirmed:
                project.ReviewDue = today.AddYears(5);
                break;
        }
        if (project.DeliverableId is { } id && await db.Deliverables.FindAsync([id], ct) is { } deliverable)
        {
            deliverable.CurrentStage = stage;
            if (!StageCodes.IsPublished(stage))
            {
                deliverable.Reference = ProjectReference.AtStage(project.Reference, stage);
            }
        }
    }

    private static async Task PublishAsync(NormativeDb db, Project project, string? userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var committee = await db.Committees.FindAsync([project.CommitteeId], ct);
        var replaced = project.ReplacesDeliverableId is { } r ? await db.Deliverables.FindAsync([r], ct) : null;
        var amended = project.BaseDeliverableId is { } b ? await db.Deliverables.FindAsync([b], ct) : null;
        var deliverable = project.DeliverableId is { } d ? await db.Deliverables.FindAsync([d], ct) : null;
        if (deliverable is null)
        {
            var id = (await db.Database.SqlQuery<long>($"SELECT nextval('development_deliverable_ids') AS \"Value\"").ToListAsync(ct)).Single();
            deliverable = new Deliverable { Id = (int)id, DeliverableType = "", Reference = "", TitleEn = "" };
            db.Deliverables.Add(deliverable);
        }
        deliverable.DeliverableType = project.DeliverableType.ToString();
        deliverable.SupplementType = project.SupplementKind?.ToString();
        deliverable.Reference = ProjectReference.AtStage(project.Reference, StageCodes.Published, today.Year);
        deliverable.TitleEn = project.TitleEn;
        deliverable.TitleFr = project.TitleFr;
        deliverable.ScopeEn = project.Scope ?? deliverable.ScopeEn;
        deliverable.PublicationDate = today;
        deliverable.Edition = project.SupplementKind is not null ? null : (replaced?.Edition ?? 0) + 1;
        deliverable.OwnerCommittee = committee?.Reference;
        deliverable.CurrentStage = StageCodes.Published;
        if (deliverable.IcsCodes.Count == 0)
        {
            deliverable.IcsCodes = [.. (replaced ?? amended)?.IcsCodes ?? []];
        }
        if (deliverable.Languages.Count == 0)
        {
            deliverable.Languages = project.TitleFr is null ? ["en"] : ["en", "fr"];
        }
        if (replaced is not null)
        {
            deliverable.Replaces = [.. deliverable.Replaces.Append(replaced.Id).Distinct()];
            replaced.ReplacedBy = [.. replaced.ReplacedBy.Append(deliverable.Id).Distinct()];
            replaced.CurrentStage = StageCodes.Withdrawn;
        }
        project.DeliverableId = deliverable.Id;
        project.PublishedOn = today;
        project.ReviewDue = today.AddYears(5);

        if (replaced is not null)
        {
            // The project that brought out the old edition ends with it.
            var older = await db.Projects.Where(p => p.DeliverableId == replaced.Id && p.Id != project.Id && p.Stage != StageCodes.Withdrawn).ToListAsync(ct);
            foreach (var o in older)
            {
                db.ProjectStageEvents.Add(new ProjectStageEvent
                {
                    ProjectId = o.Id,
                    FromStage = o.Stage,
                    ToStage = StageCodes.Withdrawn,
                    At = now,
                    ByUserId = userId,
                });
                o.Stage = StageCodes.Withdrawn;
                o.StageAt = now;
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
