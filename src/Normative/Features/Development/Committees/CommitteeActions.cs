using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Npgsql;

namespace Normative.Features.Development.Committees;

/// <summary>Administrators create committees and disband them (kept, marked disbanded, their standards keep their owner).</summary>
public static class CommitteeActions
{
    public static async Task<Attempt<Committee>> CreateAsync(NormativeDb db, CommitteeDraft draft, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Kind))
        {
            return DevelopmentError.Invalid("Error.Committee.Kind", draft.Kind.ToString());
        }
        if (draft.Number is < 1 or > 99999)
        {
            return DevelopmentError.Invalid("Error.Committee.Number");
        }
        if (string.IsNullOrWhiteSpace(draft.TitleEn) || draft.TitleEn.Length > 500)
        {
            return DevelopmentError.Invalid("Error.Committee.Title");
        }
        if (draft.Kind == CommitteeKind.JWG && string.IsNullOrWhiteSpace(draft.JointWith))
        {
            return DevelopmentError.Invalid("Error.Committee.JointWith");
        }
        Committee? parent = null;
        if (draft.ParentId is { } parentId)
        {
            parent = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, ct);
            if (parent is null)
            {
                return DevelopmentError.Invalid("Error.Committee.ParentMissing", parentId);
            }
            if (CommitteeRules.IsDisbanded(parent))
            {
                return DevelopmentError.Conflict("Error.Committee.Disbanded", parent.Reference);
            }
        }
        var parentKind = parent is null ? (CommitteeKind?)null : CommitteeRules.KindOf(parent.Reference);
        if (parent is not null && parentKind is null)
        {
            return DevelopmentError.Conflict("Error.Committee.ParentUnknownKind", parent.Reference);
        }
        if (CommitteeRules.CheckParent(draft.Kind, parentKind) is { } structure)
        {
            return DevelopmentError.Conflict(structure, draft.Kind.ToString(), parent?.Reference ?? "—");
        }
        var reference = CommitteeRules.Reference(draft.Kind, parent?.Reference, draft.Number, draft.Prefix);
        if (await db.Committees.AnyAsync(c => c.Reference == reference, ct))
        {
            return DevelopmentError.Conflict("Error.Committee.ReferenceTaken", reference);
        }
        var committee = new Committee
        {
            Reference = reference,
            TitleEn = draft.TitleEn.Trim(),
            TitleFr = string.IsNullOrWhiteSpace(draft.TitleFr) ? null : draft.TitleFr.Trim(),
            Scope = string.IsNullOrWhiteSpace(draft.Scope) ? null : draft.Scope.Trim(),
            Status = CommitteeRules.Active,
            ParentId = parent?.Id,
            CreationDate = DateOnly.FromDateTime(now.UtcDateTime),
            Secretariat = draft.Kind == CommitteeKind.JWG ? null : parent?.Secretariat,
            SecretariatMemberBodyId = parent?.SecretariatMemberBodyId,
        };
        if (draft.Kind == CommitteeKind.JWG)
        {
            committee.Scope = (committee.Scope is null ? "" : committee.Scope + "\n\n") + "Joint working group with " + draft.JointWith!.Trim() + ".";
        }
        db.Committees.Add(committee);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return DevelopmentError.Conflict("Error.Committee.ReferenceTaken", reference);
        }
        return committee;
    }

    /// <summary>Marks the committee disbanded: its records, members and standards stay; it takes no new project or group.</summary>
    public static async Task<Attempt<Committee>> DisbandAsync(NormativeDb db, int id, string? userId, string? note, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Committee.Disbanded", committee.Reference);
        }
        db.CommitteeEvents.Add(new CommitteeEvent
        {
            CommitteeId = committee.Id, Kind = CommitteeEventKind.Disbanded, FromValue = committee.Status, ToValue = CommitteeRules.Disbanded, At = now, ByUserId = userId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        committee.Status = CommitteeRules.Disbanded;
        await db.SaveChangesAsync(ct);
        return committee;
    }
}
