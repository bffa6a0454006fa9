using System.CommandLine;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Meetings;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development;

/// <summary>Standards development: the ballot mails and the worker that sends reminders and closes ballots at their date.</summary>
public sealed class DevelopmentFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<DevelopmentMail>();
        services.AddScoped<Documents.BallotDocuments>();
        services.AddScoped<MeetingMail>();
        services.AddOptions<DocumentLimits>().BindConfiguration(DocumentLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BallotDurations>().BindConfiguration(BallotDurations.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DocumentMail>();
        if (builder.Configuration.GetValue("Development:Jobs:Enabled", true))
        {
            services.AddHostedService<BallotWorker>();
            services.AddHostedService<DocumentDigestWorker>();
        }
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.TakingPart", DevelopmentLinks.TakingPart, Order: 50));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Nav.TakingPart", DevelopmentLinks.TakingPart, "Sitemap.Organization", Order: 230));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(DevelopmentText), "Members.Title", DevelopmentLinks.Members, "Sitemap.Organization", Order: 231));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(DevelopmentText), "Development.Title", DevelopmentLinks.Home, "Sitemap.Organization", Order: 232));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(DevelopmentText), "Consultations.Title", DevelopmentLinks.Consultations, "Sitemap.Organization", Order: 233));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(DevelopmentText), "Meetings.Mine", DevelopmentLinks.MyMeetings, Role: Roles.Delegate, Order: 60));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(DevelopmentText), "Documents.MailSettings", DocumentLinks.MailSettings, Order: 61));
        services.AddSitemapSource(new DevelopmentSitemap());
        services.AddSitemapSource(new DocumentsSitemap());
        // The committee's home (Catalogue) shows standards development's tabs and its officers on the overview.
        services.AddCommitteeTab(new CommitteeTab("members", 10, typeof(DevelopmentText), "Committee.Members", c => DevelopmentLinks.CommitteeMembers(c.Slug)));
        services.AddCommitteeTab(new CommitteeTab("work", 20, typeof(DevelopmentText), "Committee.WorkProgramme", c => DevelopmentLinks.WorkProgramme(c.Slug)));
        services.AddCommitteeTab(new CommitteeTab("meetings", 50, typeof(DevelopmentText), "Committee.Meetings", c => DevelopmentLinks.CommitteeMeetings(c.Slug)));
        services.AddCommitteeTab(new CommitteeTab(Documents.IndexModel.Tab, 55, typeof(DevelopmentText), "Committee.Documents", c => DocumentLinks.Register(c.Slug)));
        services.AddCommitteeTab(new CommitteeTab(BallotsModel.Tab, 60, typeof(DevelopmentText), "Committee.Ballots", c => DevelopmentLinks.CommitteeBallots(c.Slug)));
        services.AddCommitteeTab(new CommitteeTab("settings", 100, typeof(DevelopmentText), "Committee.Settings", c => DevelopmentLinks.CommitteeSettings(c.Slug),
            DevelopmentAccess.Manages));
        services.AddSiteComponent(CatalogueSlots.CommitteeOverview, typeof(CommitteeOfficersViewComponent));
        services.AddSiteComponent(SiteSlots.Structure, typeof(StructureSummaryViewComponent));
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapDevelopmentApi();      // /api/v1/members, projects, ballots; committees' members and calendars
        app.MapDocumentsApi();        // /api/v1/committees/{id}/documents: the register, files, uploads
        app.MapDocumentFiles();       // /committees/{slug}/documents/{number}/file and the register's Atom feed
        // Committee settings' old address (/development/committees/{id}/settings) → /committees/{slug}/settings.
        app.MapMethods("/development/committees/{id:int}/{**rest}", [HttpMethods.Get, HttpMethods.Head],
            (int id, string? rest, HttpContext context, NormativeDb db, CancellationToken ct) =>
                CommitteeRedirects.ToAsync(context, db, id, slug => CatalogueLinks.Committee(slug) + (string.IsNullOrEmpty(rest) ? "" : "/" + rest), ct))
            .ExcludeFromDescription().AllowAnonymous();
    }

    public override IEnumerable<Command> Commands() =>
    [
        new Command("import") { MemberBodyImportCommand.Create() },   // import members
    ];
}
