using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Documents;
using Xunit.Abstractions;

namespace Normative.Tests.Security;

/// <summary>
/// Data that belongs to someone stays theirs: each owner sees it (so the check can fail), and every
/// other party is refused or shown a list without it, on pages, files and the API alike. A leak is
/// a request another party gets through, or an answer whose body carries the owner's identifying
/// data (names, addresses, titles, order numbers). The figures are printed; there must be no leak.
/// </summary>
[Collection(RoleMatrixApp.Collection)]
public partial class OwnerDataTests(RoleMatrixApp app, ITestOutputHelper output)
{
    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized];

    private readonly List<string> _leaks = [];
    private readonly List<string> _controls = [];
    private int _checks;

    [Fact]
    public async Task NoPartyReadsOrChangesAnotherPartysData()
    {
        await BuyersAsync();
        await OrganisationSeatsAsync();
        await CertificationBodiesAsync();
        await CommitteesAsync();

        output.WriteLine($"Owner vs other: {_checks} requests checked (buyers, organisation seats, certification bodies, committee documents and ballot comments); " +
            $"leaks found: {_leaks.Count}; owners' own views that failed: {_controls.Count}");
        foreach (var leak in _leaks)
        {
            output.WriteLine("LEAK " + leak);
        }
        Assert.True(_controls.Count == 0, "The owners did not see their own data, so the checks prove nothing: " + string.Join("; ", _controls));
        Assert.True(_leaks.Count == 0, $"{_leaks.Count} leaks: " + string.Join("; ", _leaks));
    }

    /// <summary>Buyer A and buyer B: orders, confirmations, invoices, seats, downloads, by page and by API.</summary>
    private async Task BuyersAsync()
    {
        foreach (var (owner, other) in new[] { (app.A, app.B), (app.B, app.A) })
        {
            var secrets = BuyerSecrets(owner);
            var mine = $"/store/orders/{owner.Number}";
            await ShownAsync(owner.Identity, mine, owner.Marker);
            await ShownAsync(owner.Identity, $"/api/v1/orders/{owner.Number}", owner.Number);
            await ShownAsync(owner.Identity, "/store/orders", owner.Number);
            foreach (var path in new[] { mine, mine + "/confirmation", mine + "/invoice", mine + "/seats", $"/store/downloads/{owner.LineId}",
                $"/api/v1/orders/{owner.Number}", $"/api/v1/orders/{owner.Number}/seats" })
            {
                await RefusedAsync(other.Identity, path, secrets);
            }
            await RefusedAsync(other.Identity, HttpMethod.Post, $"/store/downloads/{owner.LineId}", secrets);
            foreach (var list in new[] { "/store/orders", "/store/downloads", "/api/v1/orders", "/account" })
            {
                await NotListedAsync(other.Identity, list, [.. secrets, owner.Number]);
            }
        }
    }

    private static string[] BuyerSecrets(RoleMatrixApp.Buyer buyer) => [buyer.Marker, buyer.Marker.Replace(' ', '.').ToLowerInvariant()];

    /// <summary>An organisation's seats are its administrator's to give: a plain member sees neither the page nor who holds a seat.</summary>
    private async Task OrganisationSeatsAsync()
    {
        var seatHolder = "seat-" + app.A.Marker.Replace(' ', '-').ToLowerInvariant();
        await ShownAsync(app.A.Identity, $"/store/orders/{app.A.Number}/seats", seatHolder);
        await ShownAsync(app.A.Identity, $"/api/v1/orders/{app.A.Number}/seats", seatHolder);
        await RefusedAsync(app.OrganizationMember, $"/store/orders/{app.A.Number}/seats", seatHolder);
        await RefusedAsync(app.OrganizationMember, $"/api/v1/orders/{app.A.Number}/seats", seatHolder);
        await RefusedAsync(app.OrganizationMember, HttpMethod.Post, $"/store/orders/{app.A.Number}/seats", seatHolder);
        await RefusedAsync(app.B.Identity, $"/store/orders/{app.A.Number}/seats", seatHolder);
        await NotShownAsync(app.OrganizationMember, $"/account/organizations/{app.A.OrganizationId}", seatHolder);
    }

    /// <summary>Two certification bodies: neither sees the other's imports nor changes the other's certificates.</summary>
    private async Task CertificationBodiesAsync()
    {
        var files = await app.WithDbAsync(async db =>
        {
            var bodies = await db.CertificationBodies.Where(b => b.Code == "NBC" || b.Code == "ALZ").ToDictionaryAsync(b => b.Code, b => b.Id);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (code, id) in bodies)
            {
                names[code] = $"{code.ToLowerInvariant()}-private-import-{Guid.NewGuid():N}.csv"[..40];
                db.CertificateUploads.Add(new() { At = DateTimeOffset.UtcNow, Source = "web", CertificationBodyId = id, FileName = names[code], TotalRows = 1, Inserted = 1, Loaded = true });
            }
            await db.SaveChangesAsync();
            return names;
        });
        await ShownAsync(app.Nbc, "/certification/body", files["NBC"]);
        await ShownAsync(app.Alz, "/certification/body", files["ALZ"]);
        await NotListedAsync(app.Alz, "/certification/body", files["NBC"]);
        await NotListedAsync(app.Nbc, "/certification/body", files["ALZ"]);
        await NotListedAsync(app.Alz, "/certification/body/upload", files["NBC"]);

        // An audit of NBC's certificate: NBC may record it, ALZ may not, and NBC's certificate keeps its audits and status.
        var number = app.Sample.NbcCertificateNumber;
        object Audit(string note) => new { number, kind = "Surveillance", startDate = "2026-01-05", endDate = "2026-01-06", note };
        var before = await CertificateStateAsync();
        var alzAudit = await app.Alz.SendAsync(HttpMethod.Post, "/api/v1/certificates/audits", JsonContent.Create(Audit("alz")), api: true);
        var alzStatus = await app.Alz.SendAsync(HttpMethod.Post, "/api/v1/certificates/status", JsonContent.Create(new { number, status = "Suspended", reason = "not ours" }), api: true);
        _checks += 2;
        var after = await CertificateStateAsync();
        if (alzAudit.IsSuccessStatusCode || alzStatus.IsSuccessStatusCode || after != before)
        {
            _leaks.Add($"ALZ changed NBC's certificate {number}: audit {(int)alzAudit.StatusCode}, status {(int)alzStatus.StatusCode}, before {before}, after {after}");
        }
        var nbcAudit = await app.Nbc.SendAsync(HttpMethod.Post, "/api/v1/certificates/audits", JsonContent.Create(Audit("nbc")), api: true);
        _checks++;
        if (!nbcAudit.IsSuccessStatusCode || (await CertificateStateAsync()).Audits != before.Audits + 1)
        {
            _controls.Add($"NBC could not record an audit of its own certificate: {(int)nbcAudit.StatusCode} {await nbcAudit.Content.ReadAsStringAsync()}");
        }
    }

    private Task<(string Status, int Audits, int Events)> CertificateStateAsync() => app.WithDbAsync(async db =>
    {
        var id = app.Sample.NbcCertificate;
        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
        return (certificate.Status.ToString(), await db.CertificateAudits.CountAsync(a => a.CertificateId == id), await db.CertificateEvents.CountAsync(e => e.CertificateId == id));
    });

    /// <summary>ISO/TC 176/SC 2's documents for its own people, and its ballot's member-body comments, are not shown to anyone outside it.</summary>
    private async Task CommitteesAsync()
    {
        var s = app.Sample;
        var closed = await app.WithDbAsync(db => db.CommitteeDocuments.Where(d => d.CommitteeId == s.CommitteeId && d.Audience == DocumentAudience.Committee)
            .Select(d => d.Title).ToListAsync());
        var titles = closed.ToArray();
        var comment = "Replace the second sentence, private comment " + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var member = await db.CommitteeMemberships.Where(m => m.CommitteeId == s.CommitteeId).Select(m => m.MemberBodyId).FirstAsync();
            db.BallotComments.Add(new BallotComment
            {
                BallotId = s.BallotId, MemberBodyId = member, AuthorUserId = app.Identities[3].UserId!, Clause = "4.1", Type = CommentType.Technical,
                Text = comment, CreatedAt = DateTimeOffset.UtcNow, Source = "web",
            });
            return await db.SaveChangesAsync();
        });
        var document = $"/committees/{s.CommitteeSlug}/documents/{s.ClosedDocument}";
        var api = $"/api/v1/committees/{s.CommitteeId}/documents";
        var manager = app.Identities[3];
        await ShownAsync(manager, document, s.ClosedTitle);
        await ShownAsync(manager, $"/committees/{s.CommitteeSlug}/documents", titles);
        await ShownAsync(manager, api, titles);
        await ShownAsync(manager, $"/development/ballots/{s.BallotId}/comments", comment);

        var anonymous = app.Identities[0];
        foreach (var outsider in new[] { anonymous, app.Outsider, app.A.Identity, app.Nbc })
        {
            await RefusedAsync(outsider, document, titles);
            await RefusedAsync(outsider, document + "/file", titles);
            await RefusedAsync(outsider, $"{api}/{s.ClosedDocument}", titles);
            await RefusedAsync(outsider, $"{api}/{s.ClosedDocument}/file", titles);
            await NotListedAsync(outsider, $"/committees/{s.CommitteeSlug}/documents", titles);
            await NotListedAsync(outsider, api, titles);
            await NotListedAsync(outsider, $"/committees/{s.CommitteeSlug}/documents.atom", titles);
            await NotListedAsync(outsider, $"/development/ballots/{s.BallotId}", [.. titles, comment]);
            foreach (var handler in new[] { "", "?handler=Csv", "?handler=Docx" })
            {
                await NotShownAsync(outsider, $"/development/ballots/{s.BallotId}/comments{handler}", comment);
            }
        }
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex JsonEscape();

    private async Task ShownAsync(MatrixIdentity owner, string path, params string[] secrets)
    {
        using var response = await owner.SendAsync(HttpMethod.Get, path, api: path.StartsWith("/api/", StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();
        _checks++;
        var absent = secrets.Where(x => !Contains(body, x)).ToList();
        if (response.StatusCode != HttpStatusCode.OK || absent.Count > 0)
        {
            _controls.Add($"{owner} GET {path}: {(int)response.StatusCode}, missing {string.Join(", ", absent)}");
        }
    }

    private Task RefusedAsync(MatrixIdentity other, string path, params string[] secrets) => RefusedAsync(other, HttpMethod.Get, path, secrets);

    private async Task RefusedAsync(MatrixIdentity other, HttpMethod method, string path, params string[] secrets)
    {
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        using var response = method == HttpMethod.Get
            ? await other.SendAsync(method, path, api: api)
            : await other.SendAsync(method.Method, path);
        var body = await response.Content.ReadAsStringAsync();
        _checks++;
        var signIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.Ordinal) == true;
        if (!Refused.Contains(response.StatusCode) && !signIn)
        {
            _leaks.Add($"{other} {method} {path}: {(int)response.StatusCode}, not refused");
        }
        Leaked(other, method, path, body, secrets);
    }

    /// <summary>Any answer but one that carries the secrets: a refusal, or a page without them.</summary>
    private async Task NotShownAsync(MatrixIdentity other, string path, params string[] secrets)
    {
        using var response = await other.SendAsync(HttpMethod.Get, path);
        _checks++;
        Leaked(other, HttpMethod.Get, path, await response.Content.ReadAsStringAsync(), secrets);
    }

    private async Task NotListedAsync(MatrixIdentity other, string path, params string[] secrets)
    {
        using var response = await other.SendAsync(HttpMethod.Get, path, api: path.StartsWith("/api/", StringComparison.Ordinal));
        _checks++;
        if (response.StatusCode != HttpStatusCode.OK && !Refused.Contains(response.StatusCode) && response.StatusCode != HttpStatusCode.Redirect)
        {
            _leaks.Add($"{other} GET {path}: {(int)response.StatusCode}");
        }
        Leaked(other, HttpMethod.Get, path, await response.Content.ReadAsStringAsync(), secrets);
    }

    private void Leaked(MatrixIdentity other, HttpMethod method, string path, string body, string[] secrets)
    {
        foreach (var secret in secrets.Where(x => Contains(body, x)))
        {
            _leaks.Add($"{other} {method} {path}: the answer contains \"{secret}\"");
        }
    }

    /// <summary>In the text as sent, or once HTML character references or JSON's \\u escapes are decoded.</summary>
    private static bool Contains(string body, string secret) =>
        body.Contains(secret, StringComparison.OrdinalIgnoreCase)
        || WebUtility.HtmlDecode(body).Contains(secret, StringComparison.OrdinalIgnoreCase)
        || JsonEscape().Replace(body, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()).Contains(secret, StringComparison.OrdinalIgnoreCase);
}
