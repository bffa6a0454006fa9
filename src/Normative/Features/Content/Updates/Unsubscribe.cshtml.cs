using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The List-Unsubscribe address. GET asks (mail scanners open links; opening must not unsubscribe);
/// POST unsubscribes — the button on this page, the preferences page's, and the one-click POST a
/// mail program sends by itself (RFC 8058: body "List-Unsubscribe=One-Click", no cookie, so no
/// antiforgery token; the signed link is the proof).
/// </summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Normative.Web.AnonymousLimits.TokenLinksPolicy)]
public class UnsubscribeModel(NormativeDb db, SubscriptionTokens tokens, IStringLocalizer<ContentText> t, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Subscriber? Subscriber { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Subscriber = await LoadAsync();
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Subscriber = await LoadAsync();
        if (Subscriber is null)
        {
            return Answer();
        }
        var oneClick = Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click";
        Subscriptions.Unsubscribe(Subscriber, clock.GetUtcNow(), HttpContext.Connection.RemoteIpAddress?.ToString(),
            oneClick ? t["Updates.Unsubscribe.OneClick"] : t["Updates.Unsubscribe.Consent"]);
        await db.SaveChangesAsync();
        if (oneClick)
        {
            // A mail program, not a person: a plain answer, no redirect to follow.
            return Page();
        }
        TempData.SetNotice(t["Updates.Unsubscribed"]);
        return Redirect(ContentLinks.Preferences(Token!, Cultures.Current));
    }

    private async Task<Subscriber?> LoadAsync() =>
        tokens.ReadPreferences(Token) is { } id ? await db.Subscribers.FindAsync(id) : null;

    private PageResult Answer()
    {
        if (Subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
