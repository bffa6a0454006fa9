using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Updates;

/// <summary>
/// Sign up for email updates. The footer's form on every page posts here. It carries no antiforgery
/// token: pages with the footer are output-cached for everyone, and a forged sign-up could do no
/// more than anyone can do with the form itself — ask for a confirmation mail.
/// </summary>
[IgnoreAntiforgeryToken]
public class IndexModel(NormativeDb db, SubscriptionTokens tokens, SignUpLimiter limiter, IStringLocalizer<ContentText> t, IStringLocalizer<SiteText> site,
    IOptions<OrganizationOptions> organization, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    /// <summary>The ICS-field and committee choices and the frequency (the footer's form has none of them).</summary>
    public TopicFieldsView? Fields { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Topics = [UpdateTopics.News];
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var choice = await TopicChoices.ReadAsync(db, Input.Topics, Input.AddField, Input.AddCode, ct);
        choice.Report(ModelState, t);
        var topics = choice.Topics;
        if (topics.Count == 0 && !choice.HasProblems)
        {
            ModelState.AddModelError("Input.Topics", t["Updates.NoTopic"]);
        }
        if (!ModelState.IsValid)
        {
            return await FormAsync(ct);
        }
        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (!limiter.TryAcquire(client))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", t["Updates.TooMany"]);
            return await FormAsync(ct);
        }

        var now = clock.GetUtcNow();
        var request = new SignUpRequest(Input.Email, topics, Cultures.Current, client, t["Updates.Consent"], Input.Frequency);
        var (subscriber, outcome) = await Subscriptions.SignUpAsync(db, request, now);
        if (outcome != SignUpOutcome.NoMail)
        {
            // The subscriber gets its id on the first save; the mail's link needs it, and both commit together.
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            var name = organization.Value.Name;
            if (outcome == SignUpOutcome.SendConfirmation)
            {
                var token = tokens.Confirmation(subscriber.Id, subscriber.ConfirmationNonce, now + SubscriptionTokens.ConfirmationLifetime);
                UpdatesMail.QueueConfirmation(db, t, name, subscriber, SiteLinks.Mail(configuration, ContentLinks.Confirm(token, subscriber.Language)));
            }
            else
            {
                UpdatesMail.QueueAlreadySubscribed(db, t, name, subscriber, SiteLinks.Mail(configuration, ContentLinks.Preferences(tokens.Preferences(subscriber.Id), subscriber.Language)));
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        // The same answer whether the address is new, pending or subscribed: the form tells no one who is on the list.
        return Redirect(ContentLinks.AlmostDone);
    }

    private async Task<PageResult> FormAsync(CancellationToken ct)
    {
        Fields = await TopicChoices.ViewAsync(db, "page", Input.Topics, Input.Topics, Input.AddField, Input.AddCode, Input.Frequency, Cultures.Current, t, site, ct);
        return Page();
    }
}
