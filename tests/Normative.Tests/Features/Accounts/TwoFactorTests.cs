using System.Net;
using System.Security.Cryptography;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

public class TwoFactorTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task AuthenticatorCodeIsAskedAfterThePasswordOnceTurnedOn()
    {
        var (client, user) = await factory.SignInAsAsync(Roles.Customer);
        var setup = await client.GetDocumentAsync("/account/two-factor?culture=en");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotNull(setup.QuerySelector("img[src^='data:image/svg+xml']"));

        var enabled = await client.SubmitFormAsync("/account/two-factor", new() { ["Code"] = Totp(key) });
        var page = await enabled.ReadDocumentAsync();
        Assert.Equal(10, page.QuerySelectorAll("#recovery-codes li").Length);
        var recoveryCode = page.QuerySelector("#recovery-codes li")!.TextContent.Trim();

        var fresh = factory.Browser();
        var password = await fresh.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/signin/2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/account")).StatusCode);

        var wrong = await fresh.SubmitFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var right = await fresh.SubmitFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = recoveryCode });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/account")).StatusCode);
    }

    /// <summary>RFC 6238: the six-digit code an authenticator app shows now for this base32 key.</summary>
    private static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
