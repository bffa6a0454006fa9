using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Verification;

namespace Normative.Tests.Features.Certification.Registry;

public class CertificateRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public static TheoryData<CertificateStatus, CertificateStatus, CertificateEventKind?> EveryPair()
    {
        var expected = new Dictionary<(CertificateStatus, CertificateStatus), CertificateEventKind>
        {
            [(CertificateStatus.Active, CertificateStatus.Suspended)] = CertificateEventKind.Suspended,
            [(CertificateStatus.Active, CertificateStatus.Withdrawn)] = CertificateEventKind.Withdrawn,
            [(CertificateStatus.Active, CertificateStatus.Expired)] = CertificateEventKind.Expired,
            [(CertificateStatus.Active, CertificateStatus.Cancelled)] = CertificateEventKind.Cancelled,
            [(CertificateStatus.Suspended, CertificateStatus.Active)] = CertificateEventKind.Reinstated,
            [(CertificateStatus.Suspended, CertificateStatus.Withdrawn)] = CertificateEventKind.Withdrawn,
            [(CertificateStatus.Suspended, CertificateStatus.Expired)] = CertificateEventKind.Expired,
            [(CertificateStatus.Suspended, CertificateStatus.Cancelled)] = CertificateEventKind.Cancelled,
            [(CertificateStatus.Expired, CertificateStatus.Active)] = CertificateEventKind.Renewed,
        };
        var data = new TheoryData<CertificateStatus, CertificateStatus, CertificateEventKind?>();
        foreach (var from in Enum.GetValues<CertificateStatus>())
        {
            foreach (var to in Enum.GetValues<CertificateStatus>())
            {
                data.Add(from, to, expected.TryGetValue((from, to), out var kind) ? kind : null);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryStatusChangeIsAllowedOrRefusedAsTheRulesSay(CertificateStatus from, CertificateStatus to, CertificateEventKind? kind)
    {
        Assert.Equal(kind is not null, CertificateRules.CanChange(from, to));
        if (kind is not null)
        {
            Assert.Equal(kind, CertificateRules.EventKind(from, to));
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => CertificateRules.EventKind(from, to));
        }
    }

    [Fact]
    public void WithdrawnAndCancelledAreFinal()
    {
        foreach (var to in Enum.GetValues<CertificateStatus>())
        {
            Assert.False(CertificateRules.CanChange(CertificateStatus.Withdrawn, to));
            Assert.False(CertificateRules.CanChange(CertificateStatus.Cancelled, to));
        }
    }

    [Theory]
    [InlineData("2023-06-15", "2026-06-15", true)]
    [InlineData("2023-06-15", "2026-06-16", false)]
    [InlineData("2023-06-15", "2023-06-16", true)]
    [InlineData("2023-06-15", "2023-06-15", false)]
    [InlineData("2023-06-15", "2023-06-14", false)]
    [InlineData("2024-02-29", "2027-02-28", true)]
    [InlineData("2024-02-29", "2027-03-01", false)]
    public void ExpiryIsAtMostThreeYearsAfterIssue(string issue, string expiry, bool allowed) =>
        Assert.Equal(allowed, CertificateRules.IsWithinCycle(DateOnly.Parse(issue), DateOnly.Parse(expiry)));

    [Theory]
    [InlineData(CertificateStatus.Active, "2026-06-15", true)]
    [InlineData(CertificateStatus.Active, "2026-06-14", true)]
    [InlineData(CertificateStatus.Active, "2026-06-16", false)]
    [InlineData(CertificateStatus.Suspended, "2026-06-15", true)]
    [InlineData(CertificateStatus.Withdrawn, "2026-06-01", false)]
    [InlineData(CertificateStatus.Cancelled, "2026-06-01", false)]
    [InlineData(CertificateStatus.Expired, "2026-06-01", false)]
    public void ActiveAndSuspendedCertificatesExpireOnTheirExpiryDate(CertificateStatus status, string expiry, bool due) =>
        Assert.Equal(due, CertificateRules.IsDueToExpire(status, DateOnly.Parse(expiry), Today));

    [Theory]
    [InlineData(AccreditationStatus.Active, "2026-06-15", "2026-06-15", true)]
    [InlineData(AccreditationStatus.Active, "2026-06-16", "2030-01-01", false)]
    [InlineData(AccreditationStatus.Active, "2020-01-01", "2026-06-14", false)]
    [InlineData(AccreditationStatus.Suspended, "2020-01-01", "2030-01-01", false)]
    [InlineData(AccreditationStatus.Withdrawn, "2020-01-01", "2030-01-01", false)]
    public void AnAccreditationCoversADayWhenActiveAndInItsDates(AccreditationStatus status, string from, string to, bool covers) =>
        Assert.Equal(covers, CertificateRules.Covers(status, DateOnly.Parse(from), DateOnly.Parse(to), Today));

    private static readonly AccreditationState Quality = new("ISO 9001:2015", AccreditationStatus.Active, new(2020, 1, 1), new(2030, 1, 1));

    [Fact]
    public void ActiveAccreditedCertificateInItsDatesIsValid()
    {
        var v = CertificateRules.Evaluate(CertificateStatus.Active, new(2025, 1, 1), new(2028, 1, 1), ["ISO 9001:2015"], [Quality], Today);
        Assert.True(v.IsValid);
        Assert.Empty(v.Problems);
    }

    [Theory]
    [InlineData(CertificateStatus.Suspended)]
    [InlineData(CertificateStatus.Withdrawn)]
    [InlineData(CertificateStatus.Expired)]
    [InlineData(CertificateStatus.Cancelled)]
    public void AnyStatusButActiveIsNotValid(CertificateStatus status)
    {
        var v = CertificateRules.Evaluate(status, new(2025, 1, 1), new(2028, 1, 1), ["ISO 9001:2015"], [Quality], Today);
        Assert.False(v.IsValid);
        Assert.Equal(new ValidityProblem(ValidityProblemKind.Status, Status: status), Assert.Single(v.Problems));
    }

    [Fact]
    public void ActiveCertificatePastItsExpiryDateIsNotValidEvenBeforeTheJobRuns()
    {
        var v = CertificateRules.Evaluate(CertificateStatus.Active, new(2023, 6, 15), Today, ["ISO 9001:2015"], [Quality], Today);
        Assert.Equal(ValidityProblemKind.ExpiryPassed, Assert.Single(v.Problems).Kind);
    }

    [Fact]
    public void CertificateIssuedInTheFutureIsNotValid()
    {
        var v = CertificateRules.Evaluate(CertificateStatus.Active, Today.AddDays(1), Today.AddYears(2), ["ISO 9001:2015"], [Quality], Today);
        Assert.Equal(ValidityProblemKind.NotYetIssued, Assert.Single(v.Problems).Kind);
    }

    [Theory]
    [InlineData(AccreditationStatus.Suspended)]
    [InlineData(AccreditationStatus.Withdrawn)]
    public void SuspendedOrWithdrawnAccreditationMakesItsStandardsCertificatesInvalid(AccreditationStatus status)
    {
        var environment = new AccreditationState("ISO 14001:2015", status, new(2020, 1, 1), new(2030, 1, 1));
        var v = CertificateRules.Evaluate(CertificateStatus.Active, new(2025, 1, 1), new(2028, 1, 1), ["ISO 9001:2015", "ISO 14001:2015"], [Quality, environment], Today);
        Assert.False(v.IsValid);
        Assert.Equal(new ValidityProblem(ValidityProblemKind.NotAccredited, Standard: "ISO 14001:2015", Accreditation: status), Assert.Single(v.Problems));
    }

    [Fact]
    public void StandardWithoutAnyAccreditationIsNamed()
    {
        var v = CertificateRules.Evaluate(CertificateStatus.Active, new(2025, 1, 1), new(2028, 1, 1), ["ISO 50001:2018"], [Quality], Today);
        Assert.Equal(new ValidityProblem(ValidityProblemKind.NotAccredited, Standard: "ISO 50001:2018"), Assert.Single(v.Problems));
    }

    [Fact]
    public void AccreditationThatEndedIsOutOfDate()
    {
        var ended = Quality with { ValidTo = Today.AddDays(-1) };
        var v = CertificateRules.Evaluate(CertificateStatus.Active, new(2025, 1, 1), new(2028, 1, 1), ["ISO 9001:2015"], [ended], Today);
        Assert.Equal(ValidityProblemKind.AccreditationOutOfDate, Assert.Single(v.Problems).Kind);
    }

    [Fact]
    public void OneActiveAccreditationAmongSeveralIsEnough()
    {
        var suspended = Quality with { Status = AccreditationStatus.Suspended };
        var v = CertificateRules.Evaluate(CertificateStatus.Active, new(2025, 1, 1), new(2028, 1, 1), ["ISO 9001:2015"], [suspended, Quality], Today);
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData(CertificateStatus.Active, false)]
    [InlineData(CertificateStatus.Suspended, true)]
    [InlineData(CertificateStatus.Withdrawn, true)]
    [InlineData(CertificateStatus.Cancelled, true)]
    [InlineData(CertificateStatus.Expired, true)]
    public void AChangeToAnythingButActiveNeedsAReason(CertificateStatus to, bool needed) =>
        Assert.Equal(needed, CertificateRules.NeedsReason(to));
}
