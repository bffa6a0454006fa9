using Normative.Features.Store.Payments;

namespace Normative.Tests.Features.Store;

public class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload = """{"id":"evt_1","type":"checkout.session.completed"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASignatureMadeWithTheSecretIsValid() =>
        Assert.Equal(StripeSignature.Result.Valid, Verify(Payload, StripeSignature.Header(Payload, Now.ToUnixTimeSeconds(), Secret)));

    [Fact]
    public void AnotherSecretDoesNotMatch() =>
        Assert.Equal(StripeSignature.Result.Mismatch, Verify(Payload, StripeSignature.Header(Payload, Now.ToUnixTimeSeconds(), "whsec_other")));

    [Fact]
    public void AChangedPayloadDoesNotMatch() =>
        Assert.Equal(StripeSignature.Result.Mismatch, Verify(Payload.Replace("evt_1", "evt_2", StringComparison.Ordinal), StripeSignature.Header(Payload, Now.ToUnixTimeSeconds(), Secret)));

    [Fact]
    public void ASignatureCannotBeMovedToAnotherTime()
    {
        var header = StripeSignature.Header(Payload, Now.ToUnixTimeSeconds(), Secret).Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);
        Assert.Equal(StripeSignature.Result.Mismatch, Verify(Payload, header));
    }

    [Theory]
    [InlineData(300, StripeSignature.Result.Valid)]
    [InlineData(301, StripeSignature.Result.OutsideTolerance)]
    [InlineData(-300, StripeSignature.Result.Valid)]
    [InlineData(-301, StripeSignature.Result.OutsideTolerance)]
    [InlineData(86_400, StripeSignature.Result.OutsideTolerance)]
    public void TheTimestampMustBeWithinTheTolerance(int ageSeconds, StripeSignature.Result expected) =>
        Assert.Equal(expected, Verify(Payload, StripeSignature.Header(Payload, Now.ToUnixTimeSeconds() - ageSeconds, Secret)));

    [Fact]
    public void OneGoodSignatureAmongSeveralIsEnough()
    {
        var good = StripeSignature.Header(Payload, Now.ToUnixTimeSeconds(), Secret);
        var header = good.Replace(",v1=", $",v1={new string('0', 64)},v0=abc,v1=", StringComparison.Ordinal);
        Assert.Equal(StripeSignature.Result.Valid, Verify(Payload, header));
    }

    [Theory]
    [InlineData(null, StripeSignature.Result.Missing)]
    [InlineData("", StripeSignature.Result.Missing)]
    [InlineData("garbage", StripeSignature.Result.Malformed)]
    [InlineData("t=abc,v1=00", StripeSignature.Result.Malformed)]
    [InlineData("t=1790000000", StripeSignature.Result.Malformed)]
    [InlineData("t=1790000000,v1=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hexx", StripeSignature.Result.Malformed)]
    public void MissingOrMalformedHeadersAreRefused(string? header, StripeSignature.Result expected) => Assert.Equal(expected, Verify(Payload, header));

    [Fact]
    public void AmountsGoToStripeInCentimes()
    {
        Assert.Equal("12755", StripeCheckoutProvider.MinorUnits(127.55m));
        Assert.Equal("4200", StripeCheckoutProvider.MinorUnits(42m));
    }

    private static StripeSignature.Result Verify(string payload, string? header) => StripeSignature.Verify(payload, header, Secret, Now, 300);
}
