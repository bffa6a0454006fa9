using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Updates;

/// <summary>
/// A subscriber's preferences, reached by the signed link in every mail (no account, no password):
/// topics (ICS fields and committees among them), the language of the mails, weekly or daily
/// digests, unsubscribe. A link not signed by this site changes nothing.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Normative.Web.AnonymousLimits.TokenLinksPolicy)]
public class PreferencesModel(NormativeDb db, SubscriptionTokens tokens, IStringLocalizer<ContentText> t, IStringLocalizer<SiteText> site, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public Subscriber? Subscriber { get; private set; }

    public TopicFieldsView? Fields { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Invalid();
        }
        Input.Topics = [.. Subscriber!.Topics];
        Input.Language = Subscriber.Language;
        Input.Frequency = Subscriber.DigestFrequency;
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Invalid();
        }
        if (!Cultures.IsSupported(Input.Language))
        {
            ModelState.AddModelError("Input.Language", t["Updates.Preferences.BadLanguage"]);
        }
        var choice = await TopicChoices.ReadAsync(db, Input.Topics, Input.AddField, Input.AddCode, ct);
        choice.Report(ModelState, t);
        if (!ModelState.IsValid)
        {
            return await FormAsync(ct);
        }
        var topics = choice.Topics;
        Subscriptions.ChangePreferences(Subscriber!, topics, Input.Language.ToLowerInvariant(), Input.Frequency, clock.GetUtcNow(),
            HttpContext.Connection.RemoteIpAddress?.ToString(), t["Updates.Preferences.Consent"]);
        await db.SaveChangesAsync(ct);
        TempData.SetNotice(topics.Count == 0 ? t["Updates.Unsubscribed"] : t["Updates.Preferences.Saved"]);
        return Redirect(ContentLinks.Preferences(Token!, Cultures.Current));
    }

    private async Task<PageResult> FormAsync(CancellationToken ct)
    {
        // A save refused: the ICS fields and committees unticked before it stay on the form, unticked.
        Fields = await TopicChoices.ViewAsync(db, "prefs", [.. Subscriber!.Topics, .. Input.Topics], Input.Topics, Input.AddField, Input.AddCode,
            Input.Frequency, Cultures.Current, t, site, ct);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Subscriber = tokens.ReadPreferences(Token) is { } id ? await db.Subscribers.FindAsync(id) : null;
        return Subscriber is not null;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
