using System.Net;

namespace Normative.Tests.Browser;

/// <summary>Very long queries through the real server (Kestrel's own limits apply, unlike in-memory tests).</summary>
public class LongQueryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASearchOfTenThousandCharactersGetsThePageOrAProblemNeverABareError()
    {
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var q = Uri.EscapeDataString(string.Concat(Enumerable.Repeat("quality ", 1250)));

        var page = await http.GetAsync($"/search?q={q}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await http.GetAsync($"/api/v1/deliverables?q={q}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }
}
