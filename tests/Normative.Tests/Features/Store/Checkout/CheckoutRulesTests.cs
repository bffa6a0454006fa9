using Normative.Features.Store;
using Normative.Features.Store.Checkout;
using Normative.Web;

namespace Normative.Tests.Features.Store.Checkout;

public class CheckoutRulesTests
{
    private static CheckoutDetails Valid() => new()
    {
        Name = "Ada Lovelace", Street = "Rue 1", PostalCode = "1204", City = "Genève", Country = "CH",
        Email = "ada@example.org", LicenceHolder = "Ada Lovelace", PaymentMethod = PaymentMethod.Card,
    };

    [Fact]
    public void ACompleteFormHasNoProblems() => Assert.Empty(CheckoutRules.Check(Valid(), hasPdf: true, _ => true));

    [Fact]
    public void EachMissingFieldIsNamed()
    {
        var problems = CheckoutRules.Check(new CheckoutDetails(), hasPdf: true, _ => true);
        Assert.Equal(["Name", "Street", "PostalCode", "City", "Country", "Email", "LicenceHolder", "PaymentMethod"], problems.Select(p => p.Field));
    }

    [Fact]
    public void TheLicenceHolderIsOnlyNeededForPdfs()
    {
        var d = Valid();
        d.LicenceHolder = "  ";
        Assert.Empty(CheckoutRules.Check(d, hasPdf: false, _ => true));
        Assert.Equal("LicenceHolder", Assert.Single(CheckoutRules.Check(d, hasPdf: true, _ => true)).Field);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    [InlineData("Ada <ada@example.org>")]
    public void AnUnusableEmailIsRefused(string email)
    {
        var d = Valid();
        d.Email = email;
        Assert.Equal("Checkout.Error.Email", Assert.Single(CheckoutRules.Check(d, true, _ => true)).Key);
    }

    [Fact]
    public void AnUnknownCountryOrTooLongTextIsRefused()
    {
        var d = Valid();
        d.Country = "ZZ";
        d.City = new string('x', 101);
        var problems = CheckoutRules.Check(d, true, c => c == "CH");
        Assert.Contains(problems, p => p.Field == "Country");
        Assert.Contains(problems, p => p.Field == "City" && p.Key == "Checkout.Error.TooLong");
    }

    [Fact]
    public void ControlCharactersCannotReachTheStampOrAMailHeader() =>
        Assert.Equal("Ada  Lovelace", CheckoutRules.Clean(" Ada\r\nLovelace\t"));

    [Fact]
    public void CountriesAreIsoCodesWithLocalNames()
    {
        Assert.True(Countries.IsKnown("CH"));
        Assert.True(Countries.IsKnown("li"));
        Assert.False(Countries.IsKnown("ZZ"));
        Assert.False(Countries.IsKnown("EA"));
        using (CultureScope.Use("fr"))
        {
            Assert.Equal("Suisse", Countries.NameOf("CH"));
        }
        using (CultureScope.Use("en"))
        {
            Assert.Equal("Switzerland", Countries.NameOf("CH"));
            Assert.True(Countries.All().Count > 200);
        }
    }
}
