using Normative.Features.Store.Tax;

namespace Normative.Tests.Features.Store.Tax;

public class VatNumbersTests
{
    [Theory]
    [InlineData("DE", "DE123456789", "DE123456789")]
    [InlineData("DE", "de 123 456 789", "DE123456789")]
    [InlineData("DE", "123456789", "DE123456789")]
    [InlineData("FR", "FR 40 303 265 045", "FR40303265045")]
    [InlineData("FR", "FRXX999999999", "FRXX999999999")]
    [InlineData("AT", "ATU12345678", "ATU12345678")]
    [InlineData("GR", "EL123456789", "EL123456789")]
    [InlineData("NL", "NL123456789B01", "NL123456789B01")]
    [InlineData("ES", "ESX1234567X", "ESX1234567X")]
    [InlineData("IE", "IE1234567WA", "IE1234567WA")]
    [InlineData("SE", "SE123456789001", "SE123456789001")]
    [InlineData("CH", "CHE-116.281.710 MWST", "CHE116281710MWST")]
    [InlineData("CH", "CHE-116.281.710 TVA", "CHE116281710TVA")]
    public void AWellFormedNumberIsWrittenTheCanonicalWay(string country, string typed, string canonical) =>
        Assert.Equal(canonical, VatNumbers.Normalize(country, typed));

    [Theory]
    [InlineData("DE", "DE12345678")]          // eight digits
    [InlineData("DE", "FR40303265045")]       // another country's number
    [InlineData("FR", "FR123")]
    [InlineData("FR", "FRIO999999999")]       // I and O are not used in the key
    [InlineData("AT", "AT12345678")]          // no U
    [InlineData("NL", "NL123456789001")]      // no B
    [InlineData("GR", "GR123456789")]         // Greece writes EL
    [InlineData("CH", "CHE-116.281.710")]     // without MWST/TVA/IVA
    public void ANumberInTheWrongFormatIsRefused(string country, string typed)
    {
        Assert.Null(VatNumbers.Normalize(country, typed));
        Assert.False(VatNumbers.IsWellFormed(country, typed));
    }

    [Fact]
    public void ACountryWithoutAKnownFormatTakesTheNumberAsTyped()
    {
        Assert.False(VatNumbers.HasFormat("BR"));
        Assert.Equal("12.345.678/0001-95".Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), VatNumbers.Normalize("BR", "12.345.678/0001-95"));
        Assert.False(VatNumbers.IsWellFormed("BR", "anything"));
    }
}
