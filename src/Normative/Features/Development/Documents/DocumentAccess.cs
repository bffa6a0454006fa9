using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Meetings;
using Normative.Features.Shared;

namespace Normative.Features.Development.Documents;

/// <summary>
/// Who may read a committee document: the one place that decides it, for pages, files, the API, the
/// feed and the daily mail. Someone signed in who may not read a document is refused (403); an
/// anonymous visitor is told it does not exist (404), so a closed document leaves no trace.
/// </summary>
public static class DocumentAccess
{
    public static bool CanRead(DocumentReader reader, DocumentAudience audience) => audience switch
    {
        DocumentAudience.Public => true,
        DocumentAudience.MemberBodies => reader.InCommittee || reader.InAnyMemberBody,
        _ => reader.InCommittee,
    };

    public static bool CanRead(DocumentReader reader, CommitteeDocument document) => CanRead(reader, document.Audience);

    /// <summary>The audiences whose documents the reader sees, for lists: filter with <c>audiences.Contains(d.Audience)</c>.</summary>
    public static List<DocumentAudience> Audiences(DocumentReader reader) =>
        [.. Enum.GetValues<DocumentAudience>().Where(a => CanRead(reader, a))];

    /// <summary>The status for a refused read: 403 for someone signed in, 404 for an anonymous visitor.</summary>
    public static int RefusalStatus(DocumentReader reader) =>
        reader.SignedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;

    /// <summary>May upload to the register: the committee's manager, its secretariat's administrators, administrators.</summary>
    public static async Task<bool> MayUploadAsync(NormativeDb db, ClaimsPrincipal user, Committee committee, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return DevelopmentAccess.Manages(user, committee)
            || (committee.SecretariatMemberBodyId is { } secretariat && await DevelopmentAccess.ManagesMemberBodyAsync(db, user, secretariat, ct));
    }

    public static async Task<bool> CanReadAsync(NormativeDb db, ClaimsPrincipal user, Committee committee, CommitteeDocument document, CancellationToken ct = default) =>
        document.Audience == DocumentAudience.Public || CanRead(await ReaderAsync(db, user, committee, ct), document);

    /// <summary>What the register needs to know of <paramref name="user"/> in <paramref name="committee"/> (no query for an anonymous visitor).</summary>
    public static async Task<DocumentReader> ReaderAsync(NormativeDb db, ClaimsPrincipal user, Committee committee, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var id = user.UserId();
        if (id is null)
        {
            return DocumentReader.Anonymous;
        }
        var inCommittee = DevelopmentAccess.Manages(user, committee)
            || committee.ConvenerUserId == id
            || await MeetingAttendance.Delegates(db, MeetingAttendance.Committees(committee)).AnyAsync(d => d.UserId == id, ct)
            || await MeetingAttendance.IsExpertAsync(db, id, committee.Id, ct)
            || await DevelopmentAccess.IsLiaisonRepresentativeAsync(db, id, [committee.Id], ct);
        var inAnyBody = inCommittee
            || await db.MemberBodyDelegates.AnyAsync(d => d.UserId == id, ct)
            || await db.MemberBodyAdministrators.AnyAsync(a => a.UserId == id, ct);
        return new DocumentReader(true, inCommittee, inAnyBody);
    }
}
