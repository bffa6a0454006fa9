using Normative.Features.Store.Organizations;

namespace Normative.Tests.Features.Store.Organizations;

public class OrganizationRulesTests
{
    private static readonly Func<string, bool> Known = c => c is "CH" or "DE" or "US";

    [Fact]
    public void DetailsAreTrimmedAndTheVatNumberWrittenTheCanonicalWay()
    {
        var (details, problems) = OrganizationRules.Check("  Analytical Engines Ltd ", "ch", "CHE-123.456.789 MWST", Known);
        Assert.Empty(problems);
        Assert.Equal(new OrganizationRules.Details("Analytical Engines Ltd", "CH", "CHE123456789MWST"), details);
    }

    [Theory]
    [InlineData("", "CH", null, "Name", "Organizations.Error.NameRequired")]
    [InlineData("Acme", "XX", null, "Country", "Organizations.Error.Country")]
    [InlineData("Acme", "DE", "DE12345", "VatNumber", "Organizations.Error.VatNumber")]
    [InlineData("Acme", "CH", "CHE-123.456.789", "VatNumber", "Organizations.Error.VatNumber")]
    public void WrongDetailsAreRefusedFieldByField(string name, string country, string? vat, string field, string key)
    {
        var (details, problems) = OrganizationRules.Check(name, country, vat, Known);
        Assert.Null(details);
        Assert.Equal(new OrganizationRules.Problem(field, key), Assert.Single(problems));
    }

    [Fact]
    public void ANameOfMoreThan200CharactersIsRefused() =>
        Assert.Equal("Organizations.Error.NameTooLong", Assert.Single(OrganizationRules.Check(new string('a', 201), "CH", null, Known).Problems).Key);

    [Theory]
    [InlineData(" Grace@Example.org ", "grace@example.org")]
    [InlineData("grace", null)]
    [InlineData("grace@localhost", null)]
    [InlineData("Grace <grace@example.org>", null)]
    [InlineData("", null)]
    public void AddressesAreStoredLowerCaseOrRefused(string typed, string? stored) =>
        Assert.Equal(stored, OrganizationRules.NormalizeEmail(typed));

    [Theory]
    [InlineData(OrganizationRole.Administrator, 1, false)]
    [InlineData(OrganizationRole.Administrator, 2, true)]
    [InlineData(OrganizationRole.Member, 1, true)]
    public void TheLastAdministratorStays(OrganizationRole role, int administrators, bool allowed) =>
        Assert.Equal(allowed, OrganizationRules.KeepsAnAdministrator(role, administrators));

    [Fact]
    public void AnInvitationIsAcceptedOnceBeforeItExpiresByTheAddressInvited()
    {
        var now = DateTimeOffset.UtcNow;
        OrganizationInvitation Invitation(DateTimeOffset? accepted = null, double days = 3) =>
            new() { Email = "grace@example.org", TokenHash = [1], InvitedBy = "ada@example.org", ExpiresAt = now.AddDays(days), AcceptedAt = accepted };

        Assert.Null(OrganizationRules.CheckAcceptance(Invitation(), "Grace@Example.org", now));
        Assert.Equal("Invitation.Error.Unknown", OrganizationRules.CheckAcceptance(null, "grace@example.org", now));
        Assert.Equal("Invitation.Error.Used", OrganizationRules.CheckAcceptance(Invitation(accepted: now), "grace@example.org", now));
        Assert.Equal("Invitation.Error.Expired", OrganizationRules.CheckAcceptance(Invitation(days: -1), "grace@example.org", now));
        Assert.Equal("Invitation.Error.OtherAddress", OrganizationRules.CheckAcceptance(Invitation(), "mallory@example.org", now));
    }
}
