using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

/// <summary>Behind a reverse proxy: what a client may claim in its headers, and what it may not.</summary>
public class ProxyTests(ProxyTests.Factory factory) : IClassFixture<ProxyTests.Factory>
{
    public const string Proxy = "10.9.9.9";
    public const string BaseUrl = "https://standards.example.org";

    public sealed class Factory : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Proxy:KnownProxies"] = Proxy,
            ["Site:BaseUrl"] = BaseUrl,
            ["AllowedHosts"] = "standards.example.org;localhost",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>());
        }
    }

    private async Task<string> EchoAsync(string from, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/__echo");
        request.Headers.Add(ClientAddress.Header, from);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ForwardedHeadersFromAClientThatIsNotAProxyChangeNothing() =>
        Assert.Equal("http localhost 203.0.113.7",
            await EchoAsync("203.0.113.7", ("X-Forwarded-For", "198.51.100.1"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example")));

    [Fact]
    public async Task TheConfiguredProxyIsBelievedAboutTheClientAndTheScheme() =>
        Assert.Equal("https localhost 198.51.100.1",
            await EchoAsync(Proxy, ("X-Forwarded-For", "198.51.100.1"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example")));

    [Fact]
    public async Task AHostThatIsNotTheSitesIsRefused()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example/") });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/")).StatusCode);
        var good = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://standards.example.org/") });
        Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/healthz/live")).StatusCode);
    }
}
