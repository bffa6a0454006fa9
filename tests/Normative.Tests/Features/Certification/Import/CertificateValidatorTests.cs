using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;

namespace Normative.Tests.Features.Certification.Import;

public class CertificateValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly RegistrySnapshot Registry = new(
    [
        new RegistrySnapshot.Body(1, "NBC",
        [
            new AccreditationState("ISO 9001:2015", AccreditationStatus.Active, new(2010, 1, 1), new(2030, 12, 31)),
            new AccreditationState("ISO 14001:2015", AccreditationStatus.Suspended, new(2010, 1, 1), new(2030, 12, 31)),
            new AccreditationState("ISO/IEC 27001:2022", AccreditationStatus.Active, new(2024, 1, 1), new(2030, 12, 31)),
        ]),
        new RegistrySnapshot.Body(2, "OTHER", [new AccreditationState("ISO 9001:2015", AccreditationStatus.Active, new(2010, 1, 1), new(2030, 12, 31))]),
    ]);

    private static CertificateInput Input => new()
    {
        Number = " Q-1 ",
        CertificationBody = "nbc",
        Organization = "Acme Ltd",
        Country = "gb",
        Standards = ["iso 9001:2015"],
        Scope = "Widgets",
        Sites = [new SiteInput("1 High St", "gb", "1 High St|gb")],
        InitialIssueDate = "2020-01-10",
        IssueDate = "2026-01-10",
        ExpiryDate = "2029-01-10",
        Status = "active",
    };

    private static (CertificateRecord? Record, List<ImportProblem> Problems) Check(CertificateInput input, int? onlyBody = null)
    {
        var problems = new List<ImportProblem>();
        var record = new CertificateValidator(Registry, onlyBody, Today).Validate(7, input, problems);
        return (record, problems);
    }

    private static ImportProblem Problem(CertificateInput input, int? onlyBody = null)
    {
        var (record, problems) = Check(input, onlyBody);
        Assert.Null(record);
        var problem = Assert.Single(problems);
        Assert.Equal(7, problem.Line);
        return problem;
    }

    [Fact]
    public void GoodRowIsCanonicalised()
    {
        var (record, problems) = Check(Input);
        Assert.Empty(problems);
        Assert.NotNull(record);
        Assert.Equal("Q-1", record.Number);
        Assert.Equal(1, record.CertificationBodyId);
        Assert.Equal("GB", record.Country);
        Assert.Equal(["ISO 9001:2015"], record.Standards);
        Assert.Equal(new CertificateSite("1 High St", "GB"), Assert.Single(record.Sites));
        Assert.Equal(CertificateStatus.Active, record.Status);
        Assert.Equal(new DateOnly(2029, 1, 10), record.ExpiryDate);
    }

    [Theory]
    [InlineData("31/12/2025")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("20250101")]
    [InlineData("yesterday")]
    public void DateNotWrittenAsIsoIsRefusedWithTheFieldAndValue(string date)
    {
        var problem = Problem(Input with { InitialIssueDate = date });
        Assert.Equal("Date", problem.Code);
        Assert.Equal(["initial_issue_date", date], problem.Args);
        Assert.Equal("Q-1", problem.Number);
    }

    [Fact]
    public void ExpiryMoreThanThreeYearsAfterIssueIsRefused() =>
        Assert.Equal("Cycle", Problem(Input with { ExpiryDate = "2029-01-11" }).Code);

    [Fact]
    public void ExpiryBeforeIssueIsRefused() =>
        Assert.Equal("Cycle", Problem(Input with { ExpiryDate = "2025-12-31", Status = "Expired" }).Code);

    [Fact]
    public void InitialIssueAfterIssueIsRefused() =>
        Assert.Equal("DateOrder", Problem(Input with { InitialIssueDate = "2026-02-01" }).Code);

    [Fact]
    public void IssueInTheFutureIsRefused()
    {
        var (record, problems) = Check(Input with { InitialIssueDate = "2026-06-16", IssueDate = "2026-06-16", ExpiryDate = "2029-06-16" });
        Assert.Null(record);
        Assert.Contains(problems, p => p.Code == "IssueInFuture");
    }

    [Fact]
    public void ActiveWithAPassedExpiryDateIsRefused() =>
        Assert.Equal("PastExpiry", Problem(Input with { InitialIssueDate = "2023-06-15", IssueDate = "2023-06-15", ExpiryDate = "2026-06-15" }).Code);

    [Fact]
    public void ExpiredWithAPassedExpiryDateIsFine() =>
        Assert.NotNull(Check(Input with { InitialIssueDate = "2023-06-15", IssueDate = "2023-06-15", ExpiryDate = "2026-06-15", Status = "Expired" }).Record);

    [Theory]
    [InlineData("ISO 99999:2015", "NotAccredited")]
    [InlineData("ISO 9001", "StandardYear")]
    [InlineData("ISO/DIS 9001:2025", "StandardDraft")]
    [InlineData("QMS 9001", "Standard")]
    [InlineData("not a standard", "Standard")]
    public void UnknownOrUnusableStandardsAreRefused(string standard, string code) =>
        Assert.Equal(code, Problem(Input with { Standards = [standard] }).Code);

    [Fact]
    public void UnparseableStandardCarriesTheParsersReason()
    {
        var problem = Problem(Input with { Standards = ["QMS 9001"] });
        Assert.Equal("QMS 9001", problem.Args[0]);
        Assert.False(string.IsNullOrWhiteSpace(problem.Args[1]));
    }

    [Fact]
    public void SuspendedAccreditationDoesNotStopAnUploadButAMissingOneDoes()
    {
        Assert.NotNull(Check(Input with { Standards = ["ISO 14001:2015"] }).Record);
        var problem = Problem(Input with { Standards = ["ISO 45001:2018"] });
        Assert.Equal(["NBC", "ISO 45001:2018"], problem.Args);
    }

    [Fact]
    public void IssueDateOutsideTheAccreditationIsRefused() =>
        Assert.Equal("AccreditationDates", Problem(Input with { Standards = ["ISO/IEC 27001:2022"], InitialIssueDate = "2023-07-01", IssueDate = "2023-07-01", ExpiryDate = "2026-07-01" }).Code);

    [Fact]
    public void AnotherBodysRowIsRefusedForABodysOwnUpload()
    {
        var problem = Problem(Input with { CertificationBody = "OTHER" }, onlyBody: 1);
        Assert.Equal("OtherBody", problem.Code);
        Assert.Equal(["OTHER", "NBC"], problem.Args);
    }

    [Fact]
    public void UnknownBodyIsRefused() => Assert.Equal("UnknownBody", Problem(Input with { CertificationBody = "NOPE" }).Code);

    [Theory]
    [InlineData("UK")]
    [InlineData("GBR")]
    [InlineData("XX")]
    [InlineData("")]
    public void CountryMustBeAnIsoAlpha2Code(string country) => Assert.Equal("Country", Problem(Input with { Country = country }).Code);

    [Fact]
    public void SiteMustBeAddressAndCountry()
    {
        Assert.Equal("Site", Problem(Input with { Sites = [new SiteInput(null, null, "1 High St")] }).Code);
        Assert.Equal("Country", Problem(Input with { Sites = [new SiteInput("1 High St", "ZZ", "1 High St|ZZ")] }).Code);
    }

    [Theory]
    [InlineData("Valid")]
    [InlineData("1")]
    [InlineData("")]
    public void StatusMustBeOneOfTheFive(string status) => Assert.Equal("Status", Problem(Input with { Status = status }).Code);

    [Fact]
    public void EmptyAndOverlongFieldsAreNamed()
    {
        Assert.Equal(["certificate_number"], Problem(Input with { Number = "  " }).Args);
        Assert.Equal(["organization", "300"], Problem(Input with { Organization = new string('a', 301) }).Args);
    }

    [Fact]
    public void EveryProblemOfARowIsListed()
    {
        var (record, problems) = Check(Input with { Country = "XX", IssueDate = "31/12/2025", Status = "Valid" });
        Assert.Null(record);
        Assert.Equal(["Country", "Date", "Status"], problems.Select(p => p.Code).Order().ToArray());
    }

    [Fact]
    public void IafSectorsAreOneToThirtyNine()
    {
        Assert.NotNull(Check(Input with { IafSectors = [1, 39] }).Record);
        Assert.Equal("IafSector", Problem(Input with { IafSectors = [40] }).Code);
    }
}
