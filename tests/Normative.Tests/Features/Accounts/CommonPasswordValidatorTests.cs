using Normative.Features.Accounts;

namespace Normative.Tests.Features.Accounts;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password123!")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiopas")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("iloveyou2026")]
    [InlineData("abcdefghijklmn")]
    [InlineData("Welcome2025")]
    public void CommonPasswordsAreRefused(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("correct staple horse orbit")]
    [InlineData("Tram 29 to Carouge at dawn")]
    [InlineData("ISO committee tea break")]
    public void OwnPassphrasesAreAccepted(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void TheAccountsOwnAddressIsRefused() =>
        Assert.True(CommonPasswordValidator.IsCommon("maria.lopez@example.org", "maria.lopez@example.org"));
}
