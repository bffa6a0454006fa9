using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

/// <summary>Sessions end when their privileges change; sign-in does work for unknown addresses too.</summary>
public class SessionRenewalTests(SessionRenewalTests.Factory factory) : IClassFixture<SessionRenewalTests.Factory>
{
    /// <summary>Sign-in cookies checked on every request, and a password hasher that counts its work.</summary>
    public sealed class Factory : NormativeFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:SessionCheckSeconds"] = "0" };

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IPasswordHasher<User>>(Hasher));
        }
    }

    /// <summary>Identity's hasher, counting the passwords it checks.</summary>
    public sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new();
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task AnEditorWhoseRoleIsWithdrawnIsSignedOutAtTheNextRequest()
    {
        var (editor, editorUser) = await factory.SignInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/standards/top/edit")).StatusCode);

        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/users?q=" + Uri.EscapeDataString(editorUser.Email!));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await admin.PostAsync("/admin/users?handler=Roles", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.UserId", editorUser.Id), new("Input.Roles", Roles.Customer)]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await editor.GetAsync("/standards/top/edit");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/signin", after.Headers.Location!.AbsolutePath);
        // The administrator's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorWhoChangesTheirOwnRolesStaysSignedInWithTheNewOnes()
    {
        var (admin, adminUser) = await factory.SignInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/users?q=" + Uri.EscapeDataString(adminUser.Email!));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await admin.PostAsync("/admin/users?handler=Roles", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.UserId", adminUser.Id), new("Input.Roles", Roles.Administrator), new("Input.Roles", Roles.Editor)]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownAddressCostsAPasswordCheckAsAKnownOneDoes()
    {
        var user = await factory.CreateUserAsync(Roles.Customer);
        async Task<int> ChecksAsync(string email)
        {
            var before = factory.Hasher.Verified;
            var response = await factory.Browser().SubmitFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = "not the password at all" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return factory.Hasher.Verified - before;
        }
        var known = await ChecksAsync(user.Email!);
        var unknown = await ChecksAsync($"nobody-{Guid.NewGuid():N}@example.org");
        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }
}
