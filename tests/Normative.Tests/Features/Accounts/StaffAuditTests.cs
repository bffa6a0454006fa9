using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Tests.Features.Catalogue;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Features.Accounts;

/// <summary>The staff audit log: written by every staff change, read by administrators, changed by nobody.</summary>
public class StaffAuditTests(StaffAuditTests.Factory factory) : IClassFixture<StaffAuditTests.Factory>
{
    /// <summary>The catalogue, and a client address per request (the X-Test-Client header).</summary>
    public sealed class Factory : CatalogueFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        }
    }

    [Fact]
    public async Task AnEditorsSaveAppearsInTheAdministratorsAuditLogWithWhoWhatWhenAndWhere()
    {
        await factory.WithDemoAsync();
        var (editor, editorUser) = await factory.SignInAsAsync(Roles.Editor);
        editor.DefaultRequestHeaders.Add(ClientAddress.Header, "198.51.100.77");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var added = await editor.SubmitFormAsync("/standards/top/edit", new() { ["Input.Reference"] = "ISO 22301:2019" }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var hub = await admin.GetDocumentAsync("/admin?culture=en");
        var page = await admin.GetDocumentAsync(hub.QuerySelector("a#audit-link")!.GetAttribute("href") + "?culture=en&who=" + Uri.EscapeDataString(editorUser.Email!));
        var rows = page.QuerySelectorAll("#audit tbody tr");
        // Only the save: reading the form is not an action.
        var row = Assert.Single(rows);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Contains(editorUser.Email!, cells[1], StringComparison.Ordinal);
        Assert.Contains("Editor", cells[1], StringComparison.Ordinal);
        Assert.Contains("POST /standards/top/edit?handler=Add", cells[2], StringComparison.Ordinal);
        Assert.Equal("302", cells[3].Trim());
        Assert.Contains("198.51.100.77", cells[4], StringComparison.Ordinal);
        var at = DateTimeOffset.Parse(row.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(at, before, DateTimeOffset.UtcNow.AddSeconds(1));

        var elsewhere = await admin.GetDocumentAsync("/admin/audit?culture=en&who=" + Uri.EscapeDataString(editorUser.Email!) + "&what=%2Fstore");
        Assert.Empty(elsewhere.QuerySelectorAll("#audit tbody tr"));
    }

    [Fact]
    public async Task ACustomersFormIsNotAStaffActionAndEditorsCannotReadTheLog()
    {
        var (customer, customerUser) = await factory.SignInAsAsync(Roles.Customer);
        await customer.SubmitFormAsync("/account/signout", []);
        Assert.False(await factory.WithDbAsync(db => db.StaffActions.AnyAsync(a => a.UserId == customerUser.Id)));

        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task TheLogPagesFiftyActionsAtATimeNewestFirst()
    {
        var who = $"pager-{Guid.NewGuid():N}@example.org";
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await factory.WithDbAsync(async db =>
        {
            db.StaffActions.AddRange(Enumerable.Range(1, 60).Select(i => new StaffAction
            {
                At = start.AddMinutes(i), UserId = "x", UserName = who, Roles = "Editor", Method = "POST", Path = $"/standards/{i}/edit", Status = 302, Via = "cookie",
            }));
            return await db.SaveChangesAsync();
        });
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var first = await admin.GetDocumentAsync("/admin/audit?culture=en&who=" + Uri.EscapeDataString(who));
        Assert.Equal(50, first.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Contains("/standards/60/edit", first.QuerySelector("#audit tbody tr")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);
        Assert.Equal(10, second.QuerySelectorAll("#audit tbody tr").Length);

        var oneDay = await admin.GetDocumentAsync("/admin/audit?culture=en&from=2026-03-01&to=2026-03-01&who=" + Uri.EscapeDataString(who));
        Assert.Contains("60", oneDay.QuerySelector("#audit-count")!.TextContent, StringComparison.Ordinal);
        var before = await admin.GetDocumentAsync("/admin/audit?culture=en&to=2026-02-28&who=" + Uri.EscapeDataString(who));
        Assert.Empty(before.QuerySelectorAll("#audit tbody tr"));

        var bad = await admin.GetAsync("/admin/audit?culture=en&from=yesterday");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Empty((await bad.ReadDocumentAsync()).QuerySelectorAll("#audit tbody tr"));
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrRemoveALoggedAction()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var action = new StaffAction { At = DateTimeOffset.UtcNow, UserId = "x", UserName = "someone@example.org", Roles = "Administrator", Method = "POST", Path = "/admin/users?handler=Roles", Status = 302, Via = "cookie" };
            db.StaffActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });

        var update = await Assert.ThrowsAsync<PostgresException>(() => factory.WithDbAsync(db =>
            db.StaffActions.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "nobody@example.org"))));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        var delete = await Assert.ThrowsAsync<PostgresException>(() => factory.WithDbAsync(db => db.StaffActions.Where(a => a.Id == id).ExecuteDeleteAsync()));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE staff_actions")));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);

        Assert.Equal("someone@example.org", await factory.WithDbAsync(db => db.StaffActions.Where(a => a.Id == id).Select(a => a.UserName).SingleAsync()));
    }
}
