using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The confirmation link. Opening it shows a button; only pressing it confirms, so a mail scanner
/// that opens every link cannot subscribe anyone. An expired, altered or already used link gets a
/// page that says so, and nothing changes.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Normative.Web.AnonymousLimits.TokenLinksPolicy)]
public class ConfirmModel(NormativeDb db, SubscriptionTokens tokens, IStringLocalizer<ContentText> t, IOptions<OrganizationOptions> organization,
    IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Null while the link can still confirm (the button is shown).</summary>
    public ConfirmOutcome? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Problem = await CheckAsync();
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync();
        var (subscriber, outcome) = await Subscriptions.ConfirmAsync(db, tokens.ReadConfirmation(Token), now,
            HttpContext.Connection.RemoteIpAddress?.ToString(), t["Updates.Confirm.Consent"]);
        if (outcome != ConfirmOutcome.Confirmed)
        {
            Problem = outcome;
            return Answer();
        }
        var preferences = ContentLinks.Preferences(tokens.Preferences(subscriber!.Id), subscriber.Language);
        UpdatesMail.QueueWelcome(db, t, organization.Value.Name, subscriber, SiteLinks.Mail(configuration, preferences),
            SiteLinks.Mail(configuration, ContentLinks.Unsubscribe(tokens.Preferences(subscriber.Id), subscriber.Language)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData.SetNotice(t["Updates.Confirmed"]);
        return Redirect(preferences);
    }

    private async Task<ConfirmOutcome?> CheckAsync()
    {
        var token = tokens.ReadConfirmation(Token);
        if (token is null)
        {
            return ConfirmOutcome.Invalid;
        }
        var subscriber = await db.Subscribers.FindAsync(token.SubscriberId);
        if (subscriber is not null && subscriber.ConfirmationNonce == token.Nonce && subscriber.Status == SubscriberStatus.Confirmed)
        {
            return ConfirmOutcome.AlreadyConfirmed;
        }
        if (token.Expires < clock.GetUtcNow())
        {
            return ConfirmOutcome.Expired;
        }
        return subscriber is not null && subscriber.ConfirmationNonce == token.Nonce && subscriber.Status == SubscriberStatus.Pending ? null : ConfirmOutcome.Invalid;
    }

    private PageResult Answer()
    {
        if (Problem is ConfirmOutcome.Expired or ConfirmOutcome.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
