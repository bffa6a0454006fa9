using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Verification;

/// <summary>Everything the public sees of one certificate, with its validity worked out for today.</summary>
public sealed record CertificateView
{
    public required long Id { get; init; }
    public required string Number { get; init; }
    public required BodyView CertificationBody { get; init; }
    public required OrganizationView Organization { get; init; }
    public required IReadOnlyList<string> Standards { get; init; }
    public required string Scope { get; init; }
    public required IReadOnlyList<int> IafSectors { get; init; }
    public required IReadOnlyList<CertificateSite> Sites { get; init; }
    public required DateOnly InitialIssueDate { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly ExpiryDate { get; init; }
    public required CertificateStatus Status { get; init; }
    public string? StatusReason { get; init; }
    public DateTimeOffset? StatusChangedAt { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public required IReadOnlyList<EventView> History { get; init; }
    public required IReadOnlyList<AuditView> Audits { get; init; }
    public required IReadOnlyList<AccreditationView> Accreditations { get; init; }
    public required CertificateValidity Validity { get; init; }

    /// <summary>The day <see cref="Validity"/> was judged for (the registry's clock): what "today" means everywhere in this answer.</summary>
    public required DateOnly CheckedOn { get; init; }

    public sealed record BodyView(int Id, string Code, string Name, string Country);

    public sealed record OrganizationView(string Name, string Country, string? Address, string? CompanyNumber);

    public sealed record EventView(DateTimeOffset At, CertificateEventKind Kind, CertificateStatus? From, CertificateStatus To, string? Note, bool ByRegistry);

    public sealed record AuditView(AuditKind Kind, DateOnly StartDate, DateOnly? EndDate, string? Note);

    public sealed record AccreditationView(
        string Standard, AccreditationStatus Status, DateOnly ValidFrom, DateOnly ValidTo, string? StatusReason, DateTimeOffset StatusChangedAt,
        string AccreditationBodyCode, string AccreditationBodyName, string AccreditationBodyCountry, bool IafMlaSignatory)
    {
        public bool CoversToday(DateOnly today) => CertificateRules.Covers(Status, ValidFrom, ValidTo, today);
    }
}
