using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Accounts;

namespace Normative.Tests.Infrastructure;

/// <summary>
/// The whole app over HTTP, on its own real PostgreSQL database, with mail written as .eml files
/// into a folder of its own.
/// </summary>
public class NormativeFactory : WebApplicationFactory<Program>
{
    public const string Password = "a long test passphrase";
    private readonly Lazy<string> _connectionString = new(() => TestCluster.CreateDatabaseAsync().GetAwaiter().GetResult());

    public string DataDirectory { get; } = Path.Combine(TestCluster.Root, "app-" + Guid.NewGuid().ToString("N")[..8]);

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public string ConnectionString => _connectionString.Value;

    /// <summary>Extra configuration for a test class, applied after the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Normative", ConnectionString);
        builder.UseSetting("Normative:DataDirectory", DataDirectory);
        builder.UseSetting("Mail:PollSeconds", "0.2");
        builder.UseSetting("Mail:RetryBaseSeconds", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in, open token links and fill carts hundreds of times from one address; the
        // *RateLimitTests set real limits.
        builder.UseSetting("Accounts:FormPostsPerMinute", "100000");
        builder.UseSetting("Site:TokenLinkRequestsPerMinute", "100000");
        builder.UseSetting("Store:AnonymousCartChangesPerMinute", "100000");
        // Tests sign administrators and editors in by the hundred with a password only;
        // StaffTwoFactorTests turn the rule on (it is on, and cannot be turned off, outside Development).
        builder.UseSetting("Accounts:StaffTwoFactor", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<User> CreateUserAsync(string role, string? email = null, bool confirmed = true, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var user = new User { UserName = email, Email = email, EmailConfirmed = confirmed };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>Creates a user with the role and signs in through the sign-in form; the client keeps the cookie.</summary>
    public async Task<(HttpClient Client, User User)> SignInAsAsync(string role)
    {
        var user = await CreateUserAsync(role);
        var client = Browser();
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return (client, user);
    }

    /// <summary>An HTTP client that calls the API with a personal API token of a new user with the role.</summary>
    public async Task<(HttpClient Client, User User)> ApiClientAsync(string role)
    {
        var user = await CreateUserAsync(role);
        var (_, secret) = await WithDbAsync(db => ApiTokens.CreateAsync(db, user.Id, "test", DateTimeOffset.UtcNow));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return (client, user);
    }

    public async Task<T> WithDbAsync<T>(Func<NormativeDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NormativeDb>());
    }
}
