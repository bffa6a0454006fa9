using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// Opens ballots, records votes, closes ballots and records the committee manager's decisions.
/// A vote takes a share lock on the ballot row and closing takes an update lock, so no vote slips in
/// after the close; one position per member body is kept by the primary key and an upsert, whatever
/// the number of delegates voting at once.
/// </summary>
public static class BallotActions
{
    /// <summary>
    /// Opens a ballot on a project at the right stage. Its member bodies are fixed now
    /// (<see cref="BallotRules.OnBallot"/>): the committee's members, and on a DIS, FDIS or systematic
    /// review every body of the "member body" category. Without a closing date it runs for the kind's
    /// <paramref name="durations"/>.
    /// </summary>
    public static async Task<Attempt<Ballot>> OpenAsync(NormativeDb db, DevelopmentMail? mail, BallotDurations durations, BallotRequest request, string? userId,
        DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var closes = request.ClosesAt ?? now + durations.For(request.Kind);
        if (closes <= now.AddHours(1))
        {
            return DevelopmentError.Invalid("Error.Ballot.ClosesTooSoon");
        }
        if (closes > now.AddYears(1))
        {
            return DevelopmentError.Invalid("Error.Ballot.ClosesTooLate");
        }
        if (request.PublicConsultation && request.Kind != BallotKind.DIS)
        {
            return DevelopmentError.Invalid("Error.Ballot.PublicOnlyDis");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var project = await ProjectActions.LockAsync(db, request.ProjectId, ct);
        if (project is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (await db.Ballots.AnyAsync(b => b.ProjectId == project.Id && b.Status == BallotStatus.Open, ct))
        {
            return DevelopmentError.Conflict("Error.Ballot.AlreadyOpen");
        }
        if (StageRules.CheckOpen(request.Kind, project.Stage) is { } reason)
        {
            return DevelopmentError.Conflict(reason, request.Kind.ToString(), StageCodes.Format(project.Stage));
        }
        CommitteeDocument? draft = null;
        if (DraftRules.NamesDocument(request.Kind) && (request.DraftNumber is not null || DraftRules.ForBallot(request.Kind) is not null))
        {
            var type = DraftRules.ForBallot(request.Kind);
            var typeName = type is { } t ? DraftRules.Label(t, 1, 1) : request.Kind.ToString();
            var found = await ProjectDrafts.FindAsync(db, project, type, request.DraftNumber, typeName, "Error.Draft.MissingForBallot", ct);
            // Voters vote on a text they can open: a CD, DIS or FDIS ballot without its draft in the
            // register is refused, and a draft asked for by number must be the project's.
            if (!found.Succeeded)
            {
                return found.Error;
            }
            draft = found.Value;
        }
        if (draft is not null && !DraftRules.AudienceFits(request.Kind, request.PublicConsultation, draft.Audience))
        {
            var committeeReference = await db.Committees.Where(c => c.Id == project.CommitteeId).Select(c => c.Reference).SingleAsync(ct);
            return DevelopmentError.Conflict(request.PublicConsultation ? "Error.Draft.NotPublic" : "Error.Draft.Audience",
                CommitteeDocuments.Reference(committeeReference, draft.Number));
        }
        var status = await db.CommitteeMemberships.AsNoTracking().Where(m => m.CommitteeId == project.CommitteeId)
            .ToDictionaryAsync(m => m.MemberBodyId, m => (MembershipStatus?)m.Status, ct);
        var toAll = BallotRules.For(request.Kind).Electorate == BallotElectorate.AllMemberBodies;
        var inCommittee = status.Keys.ToList();
        var candidates = await db.MemberBodies.AsNoTracking()
            .Where(b => b.SuspendedAt == null && (inCommittee.Contains(b.Id) || (toAll && b.Category == MemberCategory.MemberBody)))
            .Select(b => new { b.Id, b.Category }).ToListAsync(ct);
        var members = candidates
            .Select(b => (b.Id, b.Category, Status: status.GetValueOrDefault(b.Id)))
            .Where(b => BallotRules.OnBallot(request.Kind, b.Category, b.Status))
            .Select(b => new BallotMember { MemberBodyId = b.Id, Status = b.Status, Votes = BallotRules.VotingRight(request.Kind, b.Category, b.Status) is null })
            .ToList();
        var pMembers = members.Count(m => m.Status == MembershipStatus.P);
        if (pMembers == 0)
        {
            return DevelopmentError.Conflict("Error.Ballot.NoPMembers");
        }
        var ballot = new Ballot
        {
            ProjectId = project.Id,
            CommitteeId = project.CommitteeId,
            Kind = request.Kind,
            Status = BallotStatus.Open,
            OpenedAt = now,
            ClosesAt = closes,
            OpenedByUserId = userId,
            PublicConsultation = request.PublicConsultation,
            PMembers = pMembers,
            DocumentId = draft?.Id,
        };
        db.Ballots.Add(ballot);
        await db.SaveChangesAsync(ct);
        foreach (var m in members)
        {
            m.BallotId = ballot.Id;
        }
        db.BallotMembers.AddRange(members);
        // A committee internal ballot decides a question; it does not move the project.
        if (StageRules.BallotStage(request.Kind) is { } stage)
        {
            await ProjectActions.EnterAsync(db, project, stage, userId, null, ballot.Id, now, ct);
        }
        if (mail is not null)
        {
            var committee = await db.Committees.SingleAsync(c => c.Id == project.CommitteeId, ct);
            mail.QueueOpened(db, ballot, project, committee, await DevelopmentMail.DelegatesAsync(db, members.Select(m => m.MemberBodyId).ToList(), ct),
                draft is null ? null : CommitteeDocuments.Reference(committee.Reference, draft.Number));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ballot;
    }

    /// <summary>
    /// Records a member body's position. <paramref name="bodies"/> are the bodies the caller is a
    /// delegate of. A second delegate of the same body replaces the body's position; both are events.
    /// </summary>
    public static async Task<Attempt<CastVote>> CastAsync(NormativeDb db, int ballotId, string userId, IReadOnlyList<MemberBody> bodies,
        VoteRequest request, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ballot = (await db.Ballots.FromSql($"SELECT * FROM ballots WHERE id = {ballotId} FOR SHARE").AsNoTracking().ToListAsync(ct)).SingleOrDefault();
        if (ballot is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (ballot.Kind == BallotKind.CD)
        {
            return DevelopmentError.Conflict("Error.Vote.CommentsOnly");
        }
        if (!ballot.AcceptsVotes(now))
        {
            return DevelopmentError.Conflict("Error.Vote.Closed");
        }
        if (!BallotRules.Positions(ballot.Kind).Contains(request.Position))
        {
            return DevelopmentError.Invalid("Error.Vote.Position", request.Position.ToString(), ballot.Kind.ToString());
        }
        if (bodies.Count == 0)
        {
            // A liaison's representative takes part in the committee's work but never votes (Directives, Part 1, 1.17).
            return await DevelopmentAccess.IsLiaisonRepresentativeAsync(db, userId, [ballot.CommitteeId], ct)
                ? DevelopmentError.Conflict("Error.Vote.Liaison")
                : DevelopmentError.Forbidden("Error.Vote.NotDelegate");
        }
        var members = await db.BallotMembers.AsNoTracking().Where(m => m.BallotId == ballot.Id).ToListAsync(ct);
        MemberBody? body;
        if (!string.IsNullOrWhiteSpace(request.MemberBody))
        {
            body = bodies.FirstOrDefault(b => Matches(b, request.MemberBody));
            if (body is null)
            {
                return DevelopmentError.Forbidden("Error.Vote.NotDelegateOf", request.MemberBody.Trim());
            }
        }
        else
        {
            var onBallot = bodies.Where(b => members.Any(m => m.MemberBodyId == b.Id)).ToList();
            if (onBallot.Count > 1)
            {
                return DevelopmentError.Invalid("Error.Vote.WhichBody", string.Join(", ", onBallot.Select(b => b.Acronym)));
            }
            body = onBallot.Count == 1 ? onBallot[0] : bodies[0];
        }
        if (body.Suspended)
        {
            return DevelopmentError.Conflict("Error.Vote.Suspended", body.Acronym);
        }
        // Correspondent and subscriber members never vote, whether on the ballot (to comment) or not.
        if (body.Category != MemberCategory.MemberBody)
        {
            return DevelopmentError.Conflict("Error.Vote.NoVotingRights", body.Acronym, body.Category.ToString());
        }
        var member = members.FirstOrDefault(m => m.MemberBodyId == body.Id);
        if (member is null)
        {
            return DevelopmentError.Forbidden("Error.Vote.NotMember", body.Acronym);
        }
        if (!member.Votes)
        {
            return DevelopmentError.Forbidden("Error.Vote.NotPMember", body.Acronym);
        }

        var reasons = request.Position == VotePosition.Disapprove && !string.IsNullOrWhiteSpace(request.TechnicalReasons) ? request.TechnicalReasons.Trim() : null;
        if (reasons?.Length > 10000)
        {
            return DevelopmentError.Invalid("Error.Vote.ReasonsTooLong");
        }
        var expert = request.NominatesExpert && request.Position is VotePosition.Approve or VotePosition.Revise
            && ballot.Kind is BallotKind.NP or BallotKind.SR;
        var expertName = expert && !string.IsNullOrWhiteSpace(request.ExpertName) ? request.ExpertName.Trim()[..Math.Min(200, request.ExpertName.Trim().Length)] : null;
        string? expertEmail = null;
        if (expert && !string.IsNullOrWhiteSpace(request.ExpertEmail))
        {
            if (!ExpertActions.IsEmail(request.ExpertEmail))
            {
                return DevelopmentError.Invalid("Error.Expert.Email", request.ExpertEmail.Trim());
            }
            expertEmail = ExpertActions.NormalizeEmail(request.ExpertEmail);
            expertName ??= (await ExpertActions.PeopleAsync(db, [body.Id], ct)).FirstOrDefault(p => p.Email == expertEmail)?.Name;
            if (expertName is null)
            {
                return DevelopmentError.Invalid("Error.Vote.ExpertName", expertEmail);
            }
        }
        else if (expert && ballot.Kind == BallotKind.NP)
        {
            // The NP's experts join the committee when it is approved, so each is a person with an address.
            return DevelopmentError.Invalid("Error.Vote.ExpertNeeded");
        }
        var position = request.Position.ToString();
        var changes = (await db.Database.SqlQuery<int>($"""
            INSERT INTO ballot_positions (ballot_id, member_body_id, position, technical_reasons, nominates_expert, expert_name, expert_email, cast_by_user_id, cast_at, changes)
            VALUES ({ballot.Id}, {body.Id}, {position}, {reasons}, {expert}, {expertName}, {expertEmail}, {userId}, {now}, 0)
            ON CONFLICT (ballot_id, member_body_id) DO UPDATE SET
                position = EXCLUDED.position, technical_reasons = EXCLUDED.technical_reasons,
                nominates_expert = EXCLUDED.nominates_expert, expert_name = EXCLUDED.expert_name, expert_email = EXCLUDED.expert_email,
                cast_by_user_id = EXCLUDED.cast_by_user_id, cast_at = EXCLUDED.cast_at,
                changes = ballot_positions.changes + 1
            RETURNING changes AS "Value"
            """).ToListAsync(ct)).Single();
        db.BallotVoteEvents.Add(new BallotVoteEvent
        {
            BallotId = ballot.Id,
            MemberBodyId = body.Id,
            Replaced = changes > 0,
            Position = request.Position,
            TechnicalReasons = reasons,
            NominatesExpert = expert,
            At = now,
            ByUserId = userId,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var saved = new BallotPosition
        {
            BallotId = ballot.Id,
            MemberBodyId = body.Id,
            MemberBody = body,
            Position = request.Position,
            TechnicalReasons = reasons,
            NominatesExpert = expert,
            ExpertName = expertName,
            ExpertEmail = expertEmail,
            CastByUserId = userId,
            CastAt = now,
            Changes = changes,
        };
        return new CastVote(body, saved, changes > 0);
    }

    /// <summary>
    /// Closes the ballot (early, or after its date; <paramref name="userId"/> is null when the system
    /// closes it at its date), computes the outcome and moves the project: xx.60, then xx.99 on approval.
    /// Without <paramref name="mail"/> no mail is queued (loading history); with <paramref name="documents"/>
    /// the result and the compiled comments are filed in the committee's register in the same transaction.
    /// </summary>
    public static async Task<Attempt<Ballot>> CloseAsync(NormativeDb db, DevelopmentMail? mail, int ballotId, string? userId, DateTimeOffset now,
        BallotDocuments? documents = null, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ballot = await LockAsync(db, ballotId, ct);
        if (ballot is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (ballot.Status == BallotStatus.Closed)
        {
            return DevelopmentError.Conflict("Error.Ballot.AlreadyClosed");
        }
        var project = (await ProjectActions.LockAsync(db, ballot.ProjectId, ct))!;
        var tally = await TallyAsync(db, ballot, ct);
        ballot.Status = BallotStatus.Closed;
        ballot.ClosedAt = now;
        ballot.ClosedByUserId = userId;
        ballot.Outcome = tally.Outcome;
        if (ballot.ClosesAt > now)
        {
            ballot.ClosesAt = now;
        }
        foreach (var stage in StageRules.AfterClose(ballot.Kind, tally.Outcome))
        {
            await ProjectActions.EnterAsync(db, project, stage, userId, null, ballot.Id, now, ct);
        }
        if (ballot.Kind == BallotKind.NP && tally.Outcome == BallotOutcome.Approved)
        {
            await ExpertActions.JoinFromBallotAsync(db, ballot, now, ct);
        }
        string? filed = null;
        if (documents is not null)
        {
            filed = await documents.FileAsync(db, ballot, project, await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ballot.CommitteeId, ct), tally, now, ct);
        }
        if (mail is not null)
        {
            var committee = await db.Committees.SingleAsync(c => c.Id == ballot.CommitteeId, ct);
            var bodies = await db.BallotMembers.Where(m => m.BallotId == ballot.Id).Select(m => m.MemberBodyId).ToListAsync(ct);
            var recipients = await DevelopmentMail.DelegatesAsync(db, bodies, ct);
            if (committee.ManagerUserId is { } managerId && await db.Users.FindAsync([managerId], ct) is { Email: { } email } manager)
            {
                recipients.Add(new DevelopmentMail.Recipient(email, manager.DisplayName, 0, committee.Reference));
            }
            var draft = ballot.DocumentId is { } draftId ? await db.CommitteeDocuments.Where(d => d.Id == draftId).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct) : null;
            // The committee's own members (and its manager) may read what was filed, and are told where it is.
            var members = filed is null ? [] : await db.CommitteeMemberships.Where(m => m.CommitteeId == committee.Id).Select(m => m.MemberBodyId).ToListAsync(ct);
            mail.QueueClosed(db, ballot, project, committee, tally, recipients, draft is { } n ? CommitteeDocuments.Reference(committee.Reference, n) : null,
                filed, [.. members, 0]);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ballot;
    }

    /// <summary>The committee manager's decision on a systematic review the ballot left undecided (a tie), with the reason.</summary>
    public static async Task<Attempt<Ballot>> DecideAsync(NormativeDb db, int ballotId, string? userId, BallotOutcome decision, string? note, DateTimeOffset now, CancellationToken ct = default)
    {
        if (StageRules.AfterReviewDecision(decision) is not { } stage)
        {
            return DevelopmentError.Invalid("Error.Decision.Option");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            return DevelopmentError.Invalid("Error.Decision.Note");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ballot = await LockAsync(db, ballotId, ct);
        if (ballot is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (ballot.Status != BallotStatus.Closed || ballot.Outcome != BallotOutcome.ManagerDecides || ballot.Decision is not null)
        {
            return DevelopmentError.Conflict("Error.Decision.NotNeeded");
        }
        var project = (await ProjectActions.LockAsync(db, ballot.ProjectId, ct))!;
        if (project.Stage != 9060)
        {
            return DevelopmentError.Conflict("Error.Decision.NotNeeded");
        }
        ballot.Decision = decision;
        ballot.DecisionNote = note.Trim()[..Math.Min(2000, note.Trim().Length)];
        ballot.DecidedByUserId = userId;
        ballot.DecidedAt = now;
        await ProjectActions.EnterAsync(db, project, stage, userId, ballot.DecisionNote, ballot.Id, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ballot;
    }

    /// <summary>The ballot's tally from the current positions and the members' status when it opened.</summary>
    public static async Task<BallotTally> TallyAsync(NormativeDb db, Ballot ballot, CancellationToken ct = default)
    {
        var positions = await PositionsAsync(db, ballot, ct);
        return BallotRules.Tally(ballot.Kind, positions.Select(p => p.Vote).ToList(), ballot.PMembers);
    }

    /// <summary>Each current position with the body's place in the committee and the vote as the rules see it, in acronym order.</summary>
    public static async Task<List<CountedPosition>> PositionsAsync(NormativeDb db, Ballot ballot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var rows = await (from p in db.BallotPositions
                          join m in db.BallotMembers on new { p.BallotId, p.MemberBodyId } equals new { m.BallotId, m.MemberBodyId } into ms
                          from m in ms.DefaultIfEmpty()
                          join b in db.MemberBodies on p.MemberBodyId equals b.Id
                          where p.BallotId == ballot.Id
                          orderby b.Acronym
                          select new { Position = p, Body = b, Status = m == null ? null : m.Status }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r =>
        {
            var vote = new Vote(r.Position.Position, r.Status == MembershipStatus.P, !string.IsNullOrWhiteSpace(r.Position.TechnicalReasons), r.Position.NominatesExpert);
            return new CountedPosition(r.Body, r.Status, r.Position, vote, BallotRules.Counting(ballot.Kind, vote));
        }).ToList();
    }

    private static async Task<Ballot?> LockAsync(NormativeDb db, int ballotId, CancellationToken ct)
    {
        var ballot = (await db.Ballots.FromSql($"SELECT * FROM ballots WHERE id = {ballotId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (ballot is not null)
        {
            await db.Entry(ballot).ReloadAsync(ct);
        }
        return ballot;
    }

    /// <summary>A member body named by its acronym or its country code, in any letter case.</summary>
    public static bool Matches(MemberBody body, string name) =>
        string.Equals(body.Acronym, name.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(body.CountryCode, name.Trim(), StringComparison.OrdinalIgnoreCase);
}
