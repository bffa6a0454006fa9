using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Verification;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Events;
using Normative.Features.Content.Updates;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Meetings;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Delivery;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Orders;
using Normative.Mail;

namespace Normative.Data;

/// <summary>The one DbContext. Each feature configures its own entities (IEntityTypeConfiguration in the feature's folder).</summary>
public class NormativeDb(DbContextOptions<NormativeDb> options) : IdentityDbContext<User, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IcsCode> IcsCodes => Set<IcsCode>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<DeliverableChange> DeliverableChanges => Set<DeliverableChange>();
    public DbSet<CatalogueWord> CatalogueWords => Set<CatalogueWord>();
    public DbSet<TopStandard> TopStandards => Set<TopStandard>();
    public DbSet<SectorMapping> SectorMappings => Set<SectorMapping>();
    public DbSet<CatalogueState> CatalogueStates => Set<CatalogueState>();
    public DbSet<PriceBand> PriceBands => Set<PriceBand>();
    public DbSet<PriceOverride> PriceOverrides => Set<PriceOverride>();
    public DbSet<DeliveryTime> DeliveryTimes => Set<DeliveryTime>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<TaxRule> TaxRules => Set<TaxRule>();
    public DbSet<Cart> Carts => Set<Cart>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentSession> PaymentSessions => Set<PaymentSession>();
    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();
    public DbSet<Download> Downloads => Set<Download>();
    public DbSet<AlertNotice> AlertNotices => Set<AlertNotice>();
    public DbSet<BuyerSettings> BuyerSettings => Set<BuyerSettings>();
    public DbSet<MemberBody> MemberBodies => Set<MemberBody>();
    public DbSet<MemberBodyDelegate> MemberBodyDelegates => Set<MemberBodyDelegate>();
    public DbSet<MemberBodyEvent> MemberBodyEvents => Set<MemberBodyEvent>();
    public DbSet<MemberBodyAdministrator> MemberBodyAdministrators => Set<MemberBodyAdministrator>();
    public DbSet<MembershipApplication> MembershipApplications => Set<MembershipApplication>();
    public DbSet<CommitteeMembership> CommitteeMemberships => Set<CommitteeMembership>();
    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectStageEvent> ProjectStageEvents => Set<ProjectStageEvent>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotMember> BallotMembers => Set<BallotMember>();
    public DbSet<BallotPosition> BallotPositions => Set<BallotPosition>();
    public DbSet<BallotVoteEvent> BallotVoteEvents => Set<BallotVoteEvent>();
    public DbSet<BallotComment> BallotComments => Set<BallotComment>();
    public DbSet<AccreditationBody> AccreditationBodies => Set<AccreditationBody>();
    public DbSet<CertificationBody> CertificationBodies => Set<CertificationBody>();
    public DbSet<Accreditation> Accreditations => Set<Accreditation>();
    public DbSet<CertifiedOrganization> CertifiedOrganizations => Set<CertifiedOrganization>();
    public DbSet<OrganizationWord> OrganizationWords => Set<OrganizationWord>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateEvent> CertificateEvents => Set<CertificateEvent>();
    public DbSet<CertificateAudit> CertificateAudits => Set<CertificateAudit>();
    public DbSet<CertificationBodyMember> CertificationBodyMembers => Set<CertificationBodyMember>();
    public DbSet<CertificateUpload> CertificateUploads => Set<CertificateUpload>();
    public DbSet<ReceiptKey> ReceiptKeys => Set<ReceiptKey>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<SubscriptionEvent> SubscriptionEvents => Set<SubscriptionEvent>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleVersion> ArticleVersions => Set<ArticleVersion>();
    public DbSet<ArticleEvent> ArticleEvents => Set<ArticleEvent>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingRegistration> MeetingRegistrations => Set<MeetingRegistration>();
    public DbSet<CalendarKey> CalendarKeys => Set<CalendarKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<User>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(NormativeDb).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
