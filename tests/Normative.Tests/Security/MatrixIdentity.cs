using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Normative.Tests.Security;

/// <summary>
/// One caller of the role matrix: anonymous or signed in, with its cookies held by hand (so that a
/// sign-out or a cookie a page sets does not change who later requests come from), an antiforgery
/// token valid for it, and a personal API token for /api/.
/// </summary>
public sealed partial class MatrixIdentity
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private MatrixIdentity(string name, HttpClient client)
    {
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public HttpClient Client { get; }

    public string? UserId { get; private set; }

    public string? Bearer { get; private set; }

    public string FormToken { get; private set; } = "";

    public static async Task<MatrixIdentity> AnonymousAsync(HttpClient client)
    {
        var identity = new MatrixIdentity("anon", client);
        identity.FormToken = await identity.TokenFromAsync("/account/signin");
        return identity;
    }

    private (string Email, string Password)? _credentials;

    /// <summary>Signs in through the sign-in form as a browser does; <paramref name="bearer"/> is the user's API token.</summary>
    public static async Task<MatrixIdentity> SignInAsync(HttpClient client, string name, string email, string password, string userId, string bearer)
    {
        var identity = new MatrixIdentity(name, client) { UserId = userId, Bearer = bearer, _credentials = (email, password) };
        await identity.SignInAgainAsync();
        return identity;
    }

    /// <summary>
    /// Starts a new session (sessions live on the server: once this caller has been sent to
    /// sign-out, its old cookie signs nobody in). Anonymous callers stay anonymous.
    /// </summary>
    public async Task SignInAgainAsync()
    {
        if (_credentials is not { } credentials)
        {
            return;
        }
        lock (_cookies)
        {
            _cookies.Clear();
        }
        FormToken = "";
        var token = await TokenFromAsync("/account/signin");
        var response = await SendAsync(HttpMethod.Post, "/account/signin", new FormUrlEncodedContent(
            [new("Input.Email", credentials.Email), new("Input.Password", credentials.Password), new("__RequestVerificationToken", token)]));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Name} ({credentials.Email}) could not sign in: {(int)response.StatusCode}");
        Assert.DoesNotContain("/account/signin", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        // Antiforgery tokens belong to a user: take one issued to the signed-in person.
        FormToken = await TokenFromAsync("/store/downloads");
    }

    /// <summary>
    /// Sends a request as this identity: /api/ with the API token (and, for anything but GET, an
    /// empty body of the type the endpoint accepts: <c>{}</c> unless it says otherwise), pages with
    /// the cookies (and a form holding only the antiforgery token).
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(string method, string path, string? accepts = null)
    {
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        HttpContent? content = null;
        if (method != "GET")
        {
            content = !api ? new FormUrlEncodedContent([new("__RequestVerificationToken", FormToken)])
                : accepts is null or "application/json" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : accepts == "multipart/form-data" ? new MultipartFormDataContent()
                : new StringContent("", System.Text.Encoding.UTF8, accepts);
        }
        return SendAsync(new HttpMethod(method), path, content, api);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, bool api = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (api)
        {
            if (Bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
            }
        }
        else if (_cookies.Count > 0)
        {
            lock (_cookies)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }
        }
        var response = await Client.SendAsync(request);
        if (FormToken.Length == 0 && response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            // Only while setting up: later answers (a sign-out's expired cookie) must not change who this is.
            lock (_cookies)
            {
                foreach (var cookie in set)
                {
                    var pair = cookie.Split(';')[0];
                    var at = pair.IndexOf('=', StringComparison.Ordinal);
                    if (at > 0 && at < pair.Length - 1)
                    {
                        _cookies[pair[..at]] = pair[(at + 1)..];
                    }
                }
            }
        }
        return response;
    }

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await SendAsync("GET", path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> TokenFromAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"{Name}: no antiforgery token on {path} ({(int)response.StatusCode})");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public override string ToString() => Name;
}
