using CsCheck;
using Normative.Features.Store.Tax;

namespace Normative.Tests.Features.Store.Tax;

/// <summary>
/// 10,000 generated buyers for each shipped tax regime, and 10,000 typed VAT numbers: nothing
/// throws, a normalised number stays as it is when normalised again, and every decision is one a
/// tax office would accept — a rate between 0 and 30 %, nothing charged under reverse charge,
/// reverse charge only for a buyer with a well-formed VAT number, domestic VAT in the seller's
/// country.
/// </summary>
public class VatPropertyTests
{
    private const int Cases = 10_000;

    private static readonly string[] Countries =
        ["DE", "CH", "LI", "FR", "AT", "GR", "EL", "IE", "NL", "SE", "GB", "US", "JP", "BR", "ZZ", "", " de ", "fr", "X", "DEU", "*"];

    private static readonly Gen<string> Typed =
        Gen.OneOf(
            Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc .-/+*é\t"].Array[0, 20].Select(c => new string(c)),
            Gen.OneOf("DE123456789", "de 123.456.789", "CHE-123.456.789 MWST", "CHE123456789TVA", "FR12345678901", "ATU12345678", "EL123456789",
                "NL123456789B01", "IE1234567WA", "GB123456789", "GD123", "DE12345678", "", "   ", "DEDE123456789", new string('9', 300)));

    private static readonly Gen<(string Country, string? Vat, TaxKind Kind, DateOnly On, string? ShipTo)> Buyers =
        Gen.Select(Gen.OneOf(Countries), Gen.Frequency((3, Typed.Select(t => (string?)t)), (1, Gen.Const((string?)null))), Gen.OneOf(Enum.GetValues<TaxKind>()),
            Gen.Int[730_000, 745_000].Select(DateOnly.FromDayNumber), Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf(Countries).Select(c => (string?)c))));

    [Fact]
    public void ANormalisedVatNumberIsCanonicalAndStaysAsItIs() =>
        Gen.Select(Gen.OneOf(Countries), Typed).Sample((country, typed) =>
        {
            var normalized = VatNumbers.Normalize(country, typed);
            if (normalized is null)
            {
                return;
            }
            Assert.DoesNotContain(normalized, c => char.IsWhiteSpace(c) || c is '.' or '-');
            Assert.Equal(normalized, VatNumbers.Normalize(country, normalized));
            Assert.Equal(VatNumbers.HasFormat(country), VatNumbers.IsWellFormed(country, typed));
        }, iter: Cases);

    [Theory]
    [InlineData("CH")]
    [InlineData("DE")]
    public void EveryDecisionIsOneATaxOfficeWouldAccept(string id)
    {
        var regime = TaxRegime.Load(id, null);
        Buyers.Sample(b =>
        {
            var decision = regime.Decide(b.Country, b.Vat, b.Kind, b.On, b.ShipTo);
            if (decision is null)
            {
                return;
            }
            Assert.InRange(decision.Rate, 0m, 0.30m);
            if (decision.Basis == TaxBasis.ReverseCharge)
            {
                Assert.Equal(0m, decision.Rate);
                Assert.True(b.Vat is not null && VatNumbers.IsWellFormed(b.Country.Trim().ToUpperInvariant(), b.Vat), $"reverse charge without a VAT number: {b}");
            }
            if (decision.Basis == TaxBasis.Domestic && regime.Territory.Contains(decision.Country))
            {
                Assert.Equal(regime.SellerCountry, decision.Country);
            }
            // The same buyer typed another way gets the same answer.
            Assert.Equal(decision, regime.Decide(" " + b.Country.ToLowerInvariant() + " ", b.Vat, b.Kind, b.On, b.ShipTo?.ToLowerInvariant()));
        }, iter: Cases);
    }
}
