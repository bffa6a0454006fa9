using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Projects;
using Normative.Storage;

namespace Normative.Cli.Demo;

/// <summary>
/// The demo's drafts: before a demo project enters 30.00, 40.00 or 50.00 its committee files the
/// draft in its register, as STS XML with numbered lines, so the ballots name a text that the
/// comment forms and the public consultation show. Enquiry drafts are public (a DIS may go to public
/// consultation), committee drafts stay with the committee, approval drafts go to all member bodies.
/// </summary>
public static class DraftsDemo
{
    public static async Task FileAsync(NormativeDb db, Project project, DocumentType type, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var label = DraftRules.Label(type, 1, 1);
        var title = $"{label} {project.Reference} — {project.TitleEn}";
        var audience = type switch
        {
            DocumentType.EnquiryDraft => DocumentAudience.Public,
            DocumentType.CommitteeDraft => DocumentAudience.Committee,
            _ => DocumentAudience.MemberBodies,
        };
        var committeeId = await db.Projects.Where(p => p.Id == project.Id).Select(p => p.CommitteeId).SingleAsync(ct);
        var store = new PostgresFileStore(NullLogger<PostgresFileStore>.Instance, TimeProvider.System);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(Sts(project, label)));
        var filed = await CommitteeDocuments.UploadAsync(db, store, new DocumentLimits(), committeeId,
            new CommitteeDocumentDraft($"{DevelopmentFormatSlug(project.Reference)}-{label.ToLowerInvariant()}.xml", title, type, DateOnly.FromDateTime(at.UtcDateTime), audience, project.Id),
            content, at, ct);
        if (!filed.Succeeded)
        {
            throw new InvalidOperationException($"The demo draft of {project.Reference} was refused: {filed.Error.Key}");
        }
        // Demo drafts are history, not news: no daily mail about them.
        filed.Value.NotifiedAt = at;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A short draft in the shape of an ISO standard: foreword, introduction, scope, references, terms, requirements, an annex.</summary>
    public static string Sts(Project project, string stage)
    {
        ArgumentNullException.ThrowIfNull(project);
        var line = 0;
        string L() => $"<?line {++line}?>";
        string E(string text) => WebUtility.HtmlEncode(text);
        var clauses = new StringBuilder();
        string[] topics = ["Context of the organization", "Leadership", "Planning", "Support", "Operation"];
        for (var i = 0; i < topics.Length; i++)
        {
            var n = (i + 4).ToString(CultureInfo.InvariantCulture);
            clauses.Append(CultureInfo.InvariantCulture, $"""
                <sec id="sec_{n}"><label>{n}</label><title>{topics[i]}</title>
                  <sec id="sec_{n}.1"><label>{n}.1</label><title>General</title>
                    <p>{L()}The organization shall determine what {topics[i].ToLowerInvariant()} requires of it.</p>
                    <p>{L()}It shall keep documented information to the extent necessary.</p>
                  </sec>
                  <sec id="sec_{n}.2"><label>{n}.2</label><title>Requirements</title>
                    <p>{L()}The organization shall plan, implement and control the processes needed.</p>
                    <list list-type="dash"><list-item><label>&mdash;</label><p>{L()}establishing criteria for the processes;</p></list-item>
                    <list-item><label>&mdash;</label><p>{L()}determining the resources needed.</p></list-item></list>
                  </sec>
                </sec>
                """);
        }
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE standard SYSTEM "../ISOSTS.dtd">
            <standard>
              <front>
                <iso-meta><title-wrap xml:lang="en"><full>{E(project.TitleEn)}</full></title-wrap><std-ref type="undated">{E(project.Reference)}</std-ref><release-version>{stage}</release-version></iso-meta>
                <sec sec-type="foreword"><title>Foreword</title>
                  <p>{L()}ISO (the International Organization for Standardization) is a worldwide federation of national standards bodies.</p>
                  <p>{L()}This document is a {stage} circulated for comment and voting; it is not an International Standard.</p>
                </sec>
                <sec sec-type="intro"><title>Introduction</title>
                  <p>{L()}{E(project.Scope ?? project.TitleEn)}</p>
                </sec>
              </front>
              <body>
                <sec id="sec_1"><label>1</label><title>Scope</title>
                  <p>{L()}This document specifies requirements for {E(project.TitleEn.ToLowerInvariant())}.</p>
                </sec>
                <sec id="sec_2"><label>2</label><title>Normative references</title>
                  <p>{L()}There are no normative references in this document.</p>
                </sec>
                <sec id="sec_3"><label>3</label><title>Terms and definitions</title>
                  <p>{L()}For the purposes of this document, the following terms and definitions apply.</p>
                </sec>
                {clauses}
              </body>
              <back>
                <app-group><app id="sec_A"><label>Annex A</label><title>Guidance on the use of this document</title>
                  <p>{L()}This annex gives guidance; it is informative.</p>
                </app></app-group>
              </back>
            </standard>
            """;
    }

    private static string DevelopmentFormatSlug(string reference) =>
        new(reference.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());
}
