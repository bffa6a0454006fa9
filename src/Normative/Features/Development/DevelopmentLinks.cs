using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development;

/// <summary>
/// Standards development's pages (and the API addresses its pages and responses point to), for links
/// from pages, redirects, mail, the calendar feed and the sitemap (see <see cref="LinkToAttribute"/>).
/// </summary>
public static class DevelopmentLinks
{
    [LinkTo("/Development/TakingPart")]
    public static string TakingPart => "/taking-part";

    [LinkTo("/Development/Index")]
    public static string Home => "/development";

    [LinkTo("/Development/Dashboard")]
    public static string Dashboard => "/development/dashboard";

    [LinkTo("/Development/Projects/Stages")]
    public static string Stages => "/development/stages";

    [LinkTo("/Development/Comments/Consultations")]
    public static string Consultations => "/development/consultations";

    [LinkTo("/Development/Membership/Index")]
    public static string Members => "/members";

    /// <summary>The directory of member bodies, showing one category.</summary>
    [LinkTo("/Development/Membership/Index")]
    public static string MembersIn(MemberCategory category) => "/members?category=" + category;

    /// <summary>A member body's page, by its alpha-2 country code.</summary>
    [LinkTo("/Development/Membership/Details")]
    public static string Member(string code) => "/members/" + Uri.EscapeDataString(code);

    /// <summary>An administrator creates a member body.</summary>
    [LinkTo("/Development/Membership/New")]
    public static string NewMember => "/members/new";

    /// <summary>An administrator edits, suspends or reinstates a member body and sees its history.</summary>
    [LinkTo("/Development/Membership/Edit")]
    public static string EditMember(string code) => $"/members/{Uri.EscapeDataString(code)}/edit";

    public static string ApiMember(string code) => "/api/v1/members/" + Uri.EscapeDataString(code);

    // A committee's tabs live under its home, /committees/{slug} (Catalogue's CommitteeTop); by slug.

    [LinkTo("/Development/Committees/WorkProgramme")]
    public static string WorkProgramme(string slug) => CatalogueLinks.Committee(slug) + "/work-programme";

    [LinkTo("/Development/Committees/Members")]
    public static string CommitteeMembers(string slug) => CatalogueLinks.Committee(slug) + "/members";

    /// <summary>The committee's ballots, open and closed.</summary>
    [LinkTo("/Development/Committees/Ballots")]
    public static string CommitteeBallots(string slug) => CatalogueLinks.Committee(slug) + "/ballots";

    /// <summary>The committee's settings, for its managers.</summary>
    [LinkTo("/Development/Committees/Settings")]
    public static string CommitteeSettings(string slug) => CatalogueLinks.Committee(slug) + "/settings";

    /// <summary>An administrator creates a committee.</summary>
    [LinkTo("/Development/Committees/New")]
    public static string NewCommittee => "/development/committees/new";

    /// <summary>The committee's meetings: coming and past, and its calendar feed.</summary>
    [LinkTo("/Development/Committees/Meetings")]
    public static string CommitteeMeetings(string slug) => CatalogueLinks.Committee(slug) + "/meetings";

    /// <summary>The committee's manager plans a meeting.</summary>
    [LinkTo("/Development/Meetings/New")]
    public static string NewMeeting(string slug) => CatalogueLinks.Committee(slug) + "/meetings/new";

    [LinkTo("/Development/Meetings/Details")]
    public static string Meeting(int id) => $"/development/meetings/{id}";

    [LinkTo("/Development/Meetings/Edit")]
    public static string EditMeeting(int id) => $"/development/meetings/{id}/edit";

    /// <summary>The signed-in person's meetings and the address of their own calendar.</summary>
    [LinkTo("/Development/Meetings/Index")]
    public static string MyMeetings => "/development/meetings";

    /// <summary>The iCalendar feed of the committee's meetings (public: date and place).</summary>
    public static string CommitteeMeetingsCalendar(int committeeId) => $"/api/v1/committees/{committeeId}/meetings.ics";

    /// <summary>The iCalendar feed of one person's registered meetings, at the address their secret key makes.</summary>
    public static string PersonalCalendar(string key) => $"/api/v1/calendars/{Uri.EscapeDataString(key)}/meetings.ics";

    public static string ApiMeeting(int id) => $"/api/v1/meetings/{id}";

    [LinkTo("/Development/Projects/Details")]
    public static string Project(int id) => $"/development/projects/{id}";

    [LinkTo("/Development/Projects/New")]
    public static string NewProject(int committeeId) => $"/development/projects/new?committee={committeeId}";

    [LinkTo("/Development/Ballots/Details")]
    public static string Ballot(int id) => $"/development/ballots/{id}";

    [LinkTo("/Development/Ballots/Result")]
    public static string BallotResult(int id) => $"/development/ballots/{id}/result";

    /// <summary>The draft a ballot is about, as text with an anchor per clause ("clause-4-2"); with a handler (File), the file itself.</summary>
    [LinkTo("/Development/Ballots/Draft")]
    public static string BallotDraft(int id, string? handler = null) => $"/development/ballots/{id}/draft" + Handler(handler);

    /// <summary>The member bodies' comments on a ballot; with a handler (Docx, Csv), the compiled table as a file.</summary>
    [LinkTo("/Development/Comments/Comments")]
    public static string Comments(int ballotId, string? handler = null) => $"/development/ballots/{ballotId}/comments" + Handler(handler);

    /// <summary>The public consultation's comments on a ballot; with a handler (Docx, Csv), the compiled table as a file.</summary>
    [LinkTo("/Development/Comments/Comments")]
    public static string PublicComments(int ballotId, string? handler = null) => $"/development/ballots/{ballotId}/public-comments" + Handler(handler);

    /// <summary>The ballot's result as JSON.</summary>
    public static string ApiBallotResult(int id) => $"/api/v1/ballots/{id}/result";

    public static string ApiBallot(int id) => $"/api/v1/ballots/{id}";

    public static string ApiProject(int id) => $"/api/v1/projects/{id}";

    /// <summary>The iCalendar feed of the committee's ballot closing dates.</summary>
    public static string CommitteeCalendar(int committeeId) => $"/api/v1/committees/{committeeId}/calendar.ics";

    /// <summary>An expert's page: the person and the committees they are an expert of (for those committees only).</summary>
    [LinkTo("/Development/Experts/Expert")]
    public static string Expert(int id) => $"/experts/{id}";

    public static string ApiCommitteeExperts(int committeeId) => $"/api/v1/committees/{committeeId}/experts";

    public static string ApiCommitteeLiaisons(int committeeId) => $"/api/v1/committees/{committeeId}/liaisons";

    private static string Handler(string? handler) => handler is null ? "" : "?handler=" + Uri.EscapeDataString(handler);
}
