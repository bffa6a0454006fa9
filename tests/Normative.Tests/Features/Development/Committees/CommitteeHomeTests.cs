using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Committees;

/// <summary>One home per committee, /committees/{slug}: its slug, its tabs, and every old address answering 301.</summary>
public class CommitteeHomeTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task TheSlugIsTheReferenceInLowerCaseWithDashesAndStaysUnique()
    {
        var (sc, twin, digits) = await factory.WithDbAsync(async db =>
        {
            var n = Random.Shared.Next(10_000, 99_999);
            var first = new Committee { Reference = $"ISO/TC {n}/SC 2", TitleEn = "First" };
            var second = new Committee { Reference = $"ISO TC {n} SC 2", TitleEn = "Second" };
            var third = new Committee { Reference = $"{n}", TitleEn = "Digits" };
            db.Committees.AddRange(first);
            await db.SaveChangesAsync();
            db.Committees.AddRange(second, third);
            await db.SaveChangesAsync();
            return (first, second, third);
        });
        var number = sc.Reference.Split(' ', '/')[2];

        Assert.Equal($"iso-tc-{number}-sc-2", sc.Slug);
        Assert.Equal($"iso-tc-{number}-sc-2-{twin.Id}", twin.Slug);
        Assert.Equal($"committee-{digits.Id}", digits.Slug);
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync($"/committees/{sc.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync($"/committees/{digits.Slug}")).StatusCode);
    }

    [Fact]
    public async Task TheHomeShowsTheTabsFeaturesRegisteredAndSettingsOnlyToItsManagers()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var home = $"/committees/{committee.Slug}";

        var page = await factory.Browser().GetDocumentAsync(home + "?culture=en");
        var tabs = page.QuerySelectorAll("main .tabs a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("Overview", home), ("Members", home + "/members"), ("Work programme", home + "/work-programme"), ("Published standards", home + "/standards"), ("Meetings", home + "/meetings"), ("Documents", home + "/documents"), ("Ballots", home + "/ballots")],
            tabs);
        foreach (var (_, href) in tabs)
        {
            var tab = await factory.Browser().GetDocumentAsync(href + "?culture=en");
            Assert.Equal(href, tab.QuerySelector("main .tabs a[aria-current='page']")!.GetAttribute("href"));
        }

        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var asAdmin = await admin.GetDocumentAsync(home + "?culture=en");
        Assert.Equal(home + "/settings", asAdmin.QuerySelectorAll("main .tabs a").Last().GetAttribute("href"));
    }

    /// <summary>The old addresses by id, as they were linked before committees had one home.</summary>
    [Fact]
    public async Task EveryOldCommitteeAddressAnswers301ToTheNewOne()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (id, home) = (committee.Id, $"/committees/{committee.Slug}");
        var old = new Dictionary<string, string>
        {
            [$"/committee/{id}"] = home,
            [$"/committee/{id}?page=2"] = home + "/standards?page=2",
            [$"/committee/{id}/feed.atom"] = home + "/feed.atom",
            [$"/committees/{id}/members"] = home + "/members",
            [$"/committees/{id}/members?culture=fr"] = home + "/members?culture=fr",
            [$"/committees/{id}/work-programme"] = home + "/work-programme",
            [$"/development/committees/{id}/settings"] = home + "/settings",
        };
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        foreach (var (from, to) in old)
        {
            var response = await factory.Browser().GetAsync(from);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{from} answers {(int)response.StatusCode}, not 301.");
            Assert.Equal(to, response.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(to)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/committee/987654321")).StatusCode);
    }

    /// <summary>
    /// Every page or endpoint of the site (not the API, which keeps ids) with a committee id in its
    /// path is an old address: it must redirect to the committee's home, so a committee page added
    /// later under /committees/{id:int}/… fails here until it moves under the slug.
    /// </summary>
    [Fact]
    public async Task EveryCommitteeRouteWithAnIdRedirectsToTheSlug()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText!.Contains("committee", StringComparison.OrdinalIgnoreCase) && !p.RawText.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            // Under the slug already, an integer is something of the committee's (a document's N-number), not the committee.
            .Where(p => !p.RawText!.Contains("{slug}", StringComparison.Ordinal))
            .Where(p => p.Parameters.Any(x => x.ParameterPolicies.Any(c => c.Content == "int")))
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = "/" + string.Join('/', route.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart { IsCatchAll: true } => "members",
                RoutePatternParameterPart p when p.ParameterPolicies.Any(c => c.Content == "int") => committee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                var other => throw new InvalidOperationException($"{route.RawText}: no sample for {other}"),
            }))));
            var response = await factory.Browser().GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{route.RawText} ({path}) answers {(int)response.StatusCode}, not 301 to /committees/{committee.Slug}.");
            Assert.StartsWith($"/committees/{committee.Slug}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PagesFeedsAndTheSitemapLinkToTheNewAddresses()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SecretariatMemberBodyId, p[0].Id)));
        var home = $"/committees/{committee.Slug}";

        var member = await factory.Browser().GetDocumentAsync($"/members/{p[0].CountryCode}?culture=en");
        Assert.NotNull(member.QuerySelector($"a[href='{home}/members']"));
        Assert.NotNull(member.QuerySelector($"a[href='{home}/work-programme']"));
        var development = await factory.Browser().GetDocumentAsync("/development?culture=en");
        Assert.NotNull(development.QuerySelector($"a[href='{home}/work-programme']"));
        Assert.Empty(development.QuerySelectorAll("a[href^='/committee/']"));

        var feed = await factory.Browser().GetStringAsync(home + "/feed.atom");
        Assert.Contains($"{home}\"", feed, StringComparison.Ordinal);

        var index = await factory.Browser().GetStringAsync("/sitemap.xml");
        var files = System.Text.RegularExpressions.Regex.Matches(index, "<loc>[^<]*(/sitemap-[^<]+)</loc>").Select(m => m.Groups[1].Value).ToList();
        var sitemap = string.Concat(await Task.WhenAll(files.Select(f => factory.Browser().GetStringAsync(f))));
        Assert.Contains($"{home}<", sitemap, StringComparison.Ordinal);
        Assert.Contains($"{home}/members<", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/committee/", sitemap, StringComparison.Ordinal);
    }
}
