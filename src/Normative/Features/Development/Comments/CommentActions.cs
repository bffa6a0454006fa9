using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Comments;

/// <summary>
/// Comments on a ballot's draft, in the rows of the commenting template: from a member body's
/// delegates (P- and O-members alike), or from any signed-in person when a DIS is open for public
/// consultation (kept apart). A file is saved whole or not at all.
/// </summary>
public static class CommentActions
{
    /// <summary>
    /// Adds one comment. With the ballot's STS <paramref name="draft"/>, its clause and lines are checked
    /// against the draft's (<see cref="CommentRules.CheckAgainstDraft"/>).
    /// </summary>
    public static async Task<Attempt<BallotComment>> AddAsync(NormativeDb db, int ballotId, string userId, IReadOnlyList<MemberBody> bodies,
        CommentInput input, bool isPublic, string source, DateTimeOffset now, StsOutline? draft = null, CancellationToken ct = default)
    {
        var context = await ContextAsync(db, ballotId, bodies, input.MemberBody, isPublic, now, ct);
        if (!context.Succeeded)
        {
            return context.Error;
        }
        var body = context.Value.Body;
        var errors = CommentRules.Check(input, body is null ? [] : [body.Acronym, body.CountryCode]);
        if (draft is not null)
        {
            errors.AddRange(CommentRules.CheckAgainstDraft(input, draft));
        }
        if (errors.Count > 0)
        {
            return DevelopmentError.Invalid(errors[0].Key, errors[0].Args);
        }
        var comment = Create(ballotId, userId, body, isPublic, input, source, now);
        db.BallotComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>A comment from a representative of an organization or committee in liaison with the ballot's committee, while it is open.</summary>
    public static async Task<Attempt<BallotComment>> AddFromLiaisonAsync(NormativeDb db, int ballotId, string userId, CommentInput input, string source, DateTimeOffset now,
        StsOutline? draft = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, ct);
        if (ballot is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (!ballot.AcceptsVotes(now))
        {
            return DevelopmentError.Conflict("Error.Comment.Closed");
        }
        if (await LiaisonActions.RepresentedAsync(db, userId, ballot.CommitteeId, ct) is not { } liaison)
        {
            return DevelopmentError.Forbidden("Error.Vote.NotDelegate");
        }
        var own = input with { MemberBody = null };
        var errors = CommentRules.Check(own, []);
        if (draft is not null)
        {
            errors.AddRange(CommentRules.CheckAgainstDraft(own, draft));
        }
        if (errors.Count > 0)
        {
            return DevelopmentError.Invalid(errors[0].Key, errors[0].Args);
        }
        var comment = Create(ballotId, userId, null, false, own, source, now);
        comment.Liaison = liaison;
        db.BallotComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>Saves every row of a file, or, if any row is bad, none of them and reports every bad row.</summary>
    public static async Task<Attempt<CommentImport>> ImportAsync(NormativeDb db, int ballotId, string userId, IReadOnlyList<MemberBody> bodies,
        string? memberBody, CommentFile file, bool isPublic, DateTimeOffset now, StsOutline? draft = null, CancellationToken ct = default)
    {
        var context = await ContextAsync(db, ballotId, bodies, memberBody, isPublic, now, ct);
        if (!context.Succeeded)
        {
            return context.Error;
        }
        var body = context.Value.Body;
        var errors = new List<CommentRowError>(file.Errors);
        var rows = file.Rows.Where(r => !CommentRules.IsBlank(r.Input)).ToList();
        foreach (var (row, input) in rows)
        {
            errors.AddRange(CommentRules.Check(input, body is null ? [] : [body.Acronym, body.CountryCode]).Select(e => new CommentRowError(row, e.Key, e.Args)));
            if (draft is not null)
            {
                errors.AddRange(CommentRules.CheckAgainstDraft(input, draft).Select(e => new CommentRowError(row, e.Key, e.Args)));
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new CommentRowError(0, "Error.File.Empty"));
        }
        if (errors.Count > 0)
        {
            return new CommentImport(0, errors);
        }
        db.BallotComments.AddRange(rows.Select(r => Create(ballotId, userId, body, isPublic, r.Input, file.Source, now)));
        await db.SaveChangesAsync(ct);
        return new CommentImport(rows.Count, []);
    }

    /// <summary>The committee manager's observations on a comment (the template's last column).</summary>
    public static async Task<Attempt<BallotComment>> ObserveAsync(NormativeDb db, long commentId, string? observations, CancellationToken ct = default)
    {
        var comment = await db.BallotComments.FindAsync([commentId], ct);
        if (comment is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if ((observations?.Trim().Length ?? 0) > CommentRules.MaxTextLength)
        {
            return DevelopmentError.Invalid("Error.Comment.TextTooLong", CommentRules.MaxTextLength);
        }
        comment.Observations = string.IsNullOrWhiteSpace(observations) ? null : observations.Trim();
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>
    /// The compiled table: member bodies' comments (or the public's) in clause order, then by body;
    /// with <paramref name="authorUserId"/>, only that person's comments.
    /// </summary>
    public static async Task<List<BallotComment>> CompiledAsync(NormativeDb db, int ballotId, bool isPublic, string? authorUserId = null, CancellationToken ct = default)
    {
        var query = db.BallotComments.AsNoTracking().Include(c => c.MemberBody).Where(c => c.BallotId == ballotId && c.IsPublic == isPublic);
        if (authorUserId is not null)
        {
            query = query.Where(c => c.AuthorUserId == authorUserId);
        }
        var comments = await query.ToListAsync(ct);
        // Clause numbers sort as numbers and annexes (ClauseOrder), which SQL's ordering does not know.
        return comments
            .OrderBy(c => c.Clause, ClauseOrder.Instance)
            .ThenBy(c => c.MemberBody?.Acronym ?? "", StringComparer.Ordinal)
            .ThenBy(c => c.Id)
            .ToList();
    }

    /// <summary>The member body (null for the public) a comment on this ballot is from, if the person may comment.</summary>
    public static async Task<Attempt<(Ballot Ballot, MemberBody? Body)>> ContextAsync(NormativeDb db, int ballotId, IReadOnlyList<MemberBody> bodies,
        string? chosen, bool isPublic, DateTimeOffset now, CancellationToken ct = default)
    {
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, ct);
        if (ballot is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (!ballot.AcceptsVotes(now))
        {
            return DevelopmentError.Conflict("Error.Comment.Closed");
        }
        if (isPublic)
        {
            return ballot.PublicConsultation
                ? (ballot, (MemberBody?)null)
                : DevelopmentError.Forbidden("Error.Comment.NotPublic");
        }
        if (bodies.Count == 0)
        {
            return DevelopmentError.Forbidden("Error.Vote.NotDelegate");
        }
        var memberIds = await db.BallotMembers.Where(m => m.BallotId == ballotId).Select(m => m.MemberBodyId).ToListAsync(ct);
        var eligible = bodies.Where(b => memberIds.Contains(b.Id)).ToList();
        MemberBody body;
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            var named = bodies.FirstOrDefault(b => BallotActions.Matches(b, chosen));
            if (named is null)
            {
                return DevelopmentError.Forbidden("Error.Vote.NotDelegateOf", chosen.Trim());
            }
            body = named;
        }
        else if (eligible.Count > 1)
        {
            return DevelopmentError.Invalid("Error.Vote.WhichBody", string.Join(", ", eligible.Select(b => b.Acronym)));
        }
        else
        {
            body = eligible.Count == 1 ? eligible[0] : bodies[0];
        }
        if (!memberIds.Contains(body.Id))
        {
            return DevelopmentError.Forbidden("Error.Comment.NotMember", body.Acronym);
        }
        return (ballot, body);
    }

    private static BallotComment Create(int ballotId, string userId, MemberBody? body, bool isPublic, CommentInput input, string source, DateTimeOffset now) => new()
    {
        BallotId = ballotId,
        MemberBodyId = body?.Id,
        IsPublic = isPublic,
        AuthorUserId = userId,
        LineNumber = Clean(input.LineNumber),
        Clause = input.Clause!.Trim(),
        Paragraph = Clean(input.Paragraph),
        Type = CommentRules.ParseType(input.Type)!.Value,
        Text = input.Text!.Trim(),
        ProposedChange = Clean(input.ProposedChange),
        CreatedAt = now,
        Source = source,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
