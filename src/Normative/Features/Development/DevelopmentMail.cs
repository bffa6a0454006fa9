using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;
using Normative.Mail;
using Normative.Web;

namespace Normative.Features.Development;

/// <summary>
/// The ballot mails: opened, a reminder a week before closing, closed with its outcome. Queued in the
/// caller's unit of work through the outbox. The recipients' languages are not known, so the mails
/// are written in the site's default language.
/// </summary>
public sealed class DevelopmentMail(IStringLocalizer<DevelopmentText> t, IConfiguration configuration, IOptions<OrganizationOptions> organization)
{
    public sealed record Recipient(string Email, string? Name, int MemberBodyId, string Acronym);

    /// <summary>The delegates of the given member bodies, one row per delegate and body.</summary>
    public static Task<List<Recipient>> DelegatesAsync(NormativeDb db, IReadOnlyCollection<int> memberBodyIds, CancellationToken ct) =>
        (from d in db.MemberBodyDelegates
         join u in db.Users on d.UserId equals u.Id
         join m in db.MemberBodies on d.MemberBodyId equals m.Id
         where memberBodyIds.Contains(d.MemberBodyId) && u.Email != null
         orderby m.Acronym, u.Email
         select new Recipient(u.Email!, u.DisplayName, m.Id, m.Acronym)).ToListAsync(ct);

    /// <param name="draft">The N-reference of the draft the ballot is about, if it names one: the mail links to it.</param>
    public void QueueOpened(NormativeDb db, Ballot ballot, Project project, Committee committee, IEnumerable<Recipient> recipients, string? draft = null)
    {
        using var _ = CultureScope.Use(Cultures.Default);
        var reference = ProjectReference.ForBallot(project, ballot.Kind);
        foreach (var r in recipients)
        {
            Queue(db, r,
                t["Mail.Opened.Subject", committee.Reference, ballot.Kind.ToString(), reference, DevelopmentFormat.Time(ballot.ClosesAt)],
                t["Mail.Opened.Text", t["BallotKind." + ballot.Kind], reference, project.TitleEn, DevelopmentFormat.Time(ballot.ClosesAt), r.Acronym] + DraftLine(ballot, draft),
                Link(DevelopmentLinks.Ballot(ballot.Id)));
        }
    }

    /// <param name="draft">The N-reference of the draft the ballot is about, if it names one: the mail links to it.</param>
    public void QueueReminder(NormativeDb db, Ballot ballot, Project project, Committee committee, IEnumerable<Recipient> recipients, string? draft = null)
    {
        using var _ = CultureScope.Use(Cultures.Default);
        var reference = ProjectReference.ForBallot(project, ballot.Kind);
        foreach (var r in recipients)
        {
            Queue(db, r,
                t["Mail.Reminder.Subject", committee.Reference, ballot.Kind.ToString(), reference, DevelopmentFormat.Time(ballot.ClosesAt)],
                t["Mail.Reminder.Text", r.Acronym, t["BallotKind." + ballot.Kind], reference, DevelopmentFormat.Time(ballot.ClosesAt)] + DraftLine(ballot, draft),
                Link(DevelopmentLinks.Ballot(ballot.Id)));
        }
    }

    /// <param name="filed">The N-references of the documents closing the ballot filed, told to the recipients of <paramref name="committeeBodies"/> (0: the manager).</param>
    public void QueueClosed(NormativeDb db, Ballot ballot, Project project, Committee committee, BallotTally tally, IEnumerable<Recipient> recipients, string? draft = null,
        string? filed = null, IReadOnlyCollection<int>? committeeBodies = null)
    {
        using var _ = CultureScope.Use(Cultures.Default);
        var reference = ProjectReference.ForBallot(project, ballot.Kind);
        var outcome = t["Outcome." + tally.Outcome].Value;
        foreach (var r in recipients)
        {
            Queue(db, r,
                t["Mail.Closed.Subject", committee.Reference, ballot.Kind.ToString(), reference, outcome],
                t["Mail.Closed.Text", t["BallotKind." + ballot.Kind], reference, outcome, tally.Responded, tally.PMembers] + DraftLine(ballot, draft)
                    + (filed is not null && committeeBodies?.Contains(r.MemberBodyId) == true ? "\n\n" + t["Mail.Filed", filed].Value : ""),
                Link(DevelopmentLinks.BallotResult(ballot.Id)));
        }
    }

    internal void Queue(NormativeDb db, Recipient r, string subject, string intro, string link)
    {
        var greeting = t["Mail.Greeting", r.Name ?? r.Email].Value;
        var action = t["Mail.Action"].Value;
        var signature = t["Mail.Signature", Organization()].Value;
        var text = $"{greeting}\n\n{intro}\n\n{action}:\n{link}\n\n{signature}\n";
        var h = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <p>{h(greeting)}</p>
            <p>{h(intro)}</p>
            <p><a href="{h(link)}">{h(action)}</a></p>
            <p>{h(signature)}</p>
            """;
        Outbox.Enqueue(db, r.Email, subject, text, html);
    }

    internal string Link(string path) => SiteLinks.Mail(configuration, path);

    /// <summary>"The draft: ISO/TC 176 N 12, at …", after the mail's first paragraph; nothing when the ballot names no draft.</summary>
    private string DraftLine(Ballot ballot, string? draft) =>
        draft is null ? "" : "\n\n" + t["Mail.Draft", draft, Link(DevelopmentLinks.BallotDraft(ballot.Id))].Value;

    private string Organization() => organization.Value.Name;
}
