using Normative.Features.Certification.Verification;

namespace Normative.Features.Certification.Registry;

/// <summary>
/// The rules of a certificate's life, free of any database: how long it may run, which status
/// changes are allowed and what each means, when it expires, and whether it is valid on a day.
/// </summary>
public static class CertificateRules
{
    /// <summary>ISO/IEC 17021-1: a certification cycle lasts at most three years.</summary>
    public const int MaxYears = 3;

    /// <summary>The registry's day, which validity is judged for: the UTC date of <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static readonly Dictionary<(CertificateStatus From, CertificateStatus To), CertificateEventKind> Transitions = new()
    {
        [(CertificateStatus.Active, CertificateStatus.Suspended)] = CertificateEventKind.Suspended,
        [(CertificateStatus.Active, CertificateStatus.Withdrawn)] = CertificateEventKind.Withdrawn,
        [(CertificateStatus.Active, CertificateStatus.Expired)] = CertificateEventKind.Expired,
        [(CertificateStatus.Active, CertificateStatus.Cancelled)] = CertificateEventKind.Cancelled,
        [(CertificateStatus.Suspended, CertificateStatus.Active)] = CertificateEventKind.Reinstated,
        [(CertificateStatus.Suspended, CertificateStatus.Withdrawn)] = CertificateEventKind.Withdrawn,
        [(CertificateStatus.Suspended, CertificateStatus.Expired)] = CertificateEventKind.Expired,
        [(CertificateStatus.Suspended, CertificateStatus.Cancelled)] = CertificateEventKind.Cancelled,
        // An expired certificate comes back only through recertification, with a new expiry date.
        [(CertificateStatus.Expired, CertificateStatus.Active)] = CertificateEventKind.Renewed,
        // Withdrawn and Cancelled are final: a new certificate needs a new number.
    };

    /// <summary>Every allowed change and the event it records (the SQL of an upload is built from this list).</summary>
    public static IEnumerable<(CertificateStatus From, CertificateStatus To, CertificateEventKind Kind)> AllowedTransitions =>
        Transitions.Select(t => (t.Key.From, t.Key.To, t.Value));

    public static bool CanChange(CertificateStatus from, CertificateStatus to) => Transitions.ContainsKey((from, to));

    public static CertificateEventKind EventKind(CertificateStatus from, CertificateStatus to) =>
        Transitions.TryGetValue((from, to), out var kind)
            ? kind
            : throw new InvalidOperationException($"A certificate cannot go from {from} to {to}.");

    /// <summary>A status change by a person needs a reason, except a reinstatement or renewal.</summary>
    public static bool NeedsReason(CertificateStatus to) => to is not CertificateStatus.Active;

    /// <summary>The expiry must come after the issue date and at most three years later.</summary>
    public static bool IsWithinCycle(DateOnly issueDate, DateOnly expiryDate) =>
        expiryDate > issueDate && expiryDate <= issueDate.AddYears(MaxYears);

    /// <summary>Active and Suspended certificates become Expired on their expiry date.</summary>
    public static bool IsDueToExpire(CertificateStatus status, DateOnly expiryDate, DateOnly today) =>
        status is CertificateStatus.Active or CertificateStatus.Suspended && expiryDate <= today;

    /// <summary>An accreditation covers a day when it is Active and the day lies within its dates.</summary>
    public static bool Covers(AccreditationStatus status, DateOnly validFrom, DateOnly validTo, DateOnly day) =>
        status == AccreditationStatus.Active && validFrom <= day && day <= validTo;

    /// <summary>
    /// Whether a certificate is valid today: Active, issued, not past its expiry date (whether or not
    /// the expiry job has run yet), and each of its standards under an accreditation that covers
    /// today. Every reason it is not is listed.
    /// </summary>
    public static CertificateValidity Evaluate(
        CertificateStatus status, DateOnly issueDate, DateOnly expiryDate, IReadOnlyList<string> standards,
        IReadOnlyList<AccreditationState> accreditations, DateOnly today)
    {
        var problems = new List<ValidityProblem>();
        if (status != CertificateStatus.Active)
        {
            problems.Add(new ValidityProblem(ValidityProblemKind.Status, Status: status));
        }
        else if (expiryDate <= today)
        {
            problems.Add(new ValidityProblem(ValidityProblemKind.ExpiryPassed));
        }
        if (issueDate > today)
        {
            problems.Add(new ValidityProblem(ValidityProblemKind.NotYetIssued));
        }
        foreach (var standard in standards)
        {
            var forStandard = accreditations.Where(a => a.Standard == standard).ToList();
            if (forStandard.Any(a => Covers(a.Status, a.ValidFrom, a.ValidTo, today)))
            {
                continue;
            }
            var state = forStandard.Count == 0 ? (AccreditationStatus?)null
                : forStandard.Any(a => a.Status == AccreditationStatus.Suspended) ? AccreditationStatus.Suspended
                : forStandard.Any(a => a.Status == AccreditationStatus.Withdrawn) ? AccreditationStatus.Withdrawn
                : AccreditationStatus.Active;
            problems.Add(new ValidityProblem(
                state is AccreditationStatus.Active ? ValidityProblemKind.AccreditationOutOfDate : ValidityProblemKind.NotAccredited,
                Standard: standard, Accreditation: state is AccreditationStatus.Active ? null : state));
        }
        return new CertificateValidity(problems.Count == 0, problems);
    }
}
