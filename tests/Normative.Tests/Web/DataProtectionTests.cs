using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

public class DataProtectionTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("normative-dp-");
    private string _pem = "";
    private string _pfx = "";

    /// <summary>The app with its keys encrypted by a certificate; another instance may use the .pfx form of it.</summary>
    private sealed class Factory(string certificate, string? password, string? connectionString = null) : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DataProtection:Certificate"] = certificate,
            ["DataProtection:CertificatePassword"] = password,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (connectionString is not null)
            {
                builder.UseSetting("ConnectionStrings:Normative", connectionString);
            }
        }
    }

    public Task InitializeAsync()
    {
        (_pem, _pfx) = TestCertificates.Write(_folder.FullName);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KeysAreEncryptedAtRestAndASignInSurvivesARestart()
    {
        await using var first = new Factory(_pem, null);
        var (client, _) = await first.SignInAsAsync("Customer");
        var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        var key = Assert.Single(keys);
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        var account = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);

        // Another instance on the same database, with the same certificate as a .pfx file, reads the
        // same key ring: the sign-in cookie is still good there.
        var cookie = string.Join("; ", account.RequestMessage!.Headers.GetValues("Cookie"));
        await using var second = new Factory(_pfx, "secret", first.ConnectionString);
        var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task WithoutTheCertificateTheKeysCannotBeRead()
    {
        await using var first = new Factory(_pem, null);
        var (client, _) = await first.SignInAsAsync("Customer");
        var account = await client.GetAsync("/account");
        var cookie = string.Join("; ", account.RequestMessage!.Headers.GetValues("Cookie"));

        var (otherPem, _) = TestCertificates.Write(_folder.FullName, "another");
        await using var second = new Factory(otherPem, null, first.ConnectionString);
        var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SendAsync(request)).StatusCode);
    }
}
