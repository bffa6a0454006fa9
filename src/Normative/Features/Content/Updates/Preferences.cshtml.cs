using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Updates;

/// <summary>
/// A subscriber's preferences, reached by the signed link in every mail (no account, no password):
/// topics, the language of the mails, unsubscribe. A link not signed by this site changes nothing.
/// </summary>
public class PreferencesModel(NormativeDb db, SubscriptionTokens tokens, IStringLocalizer<ContentText> t, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public Subscriber? Subscriber { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Invalid();
        }
        Input.Topics = [.. Subscriber!.Topics];
        Input.Language = Subscriber.Language;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Invalid();
        }
        if (!Cultures.IsSupported(Input.Language))
        {
            ModelState.AddModelError("Input.Language", t["Updates.Preferences.BadLanguage"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var topics = UpdateTopics.Clean(Input.Topics);
        Subscriptions.ChangePreferences(Subscriber!, topics, Input.Language.ToLowerInvariant(), clock.GetUtcNow(),
            HttpContext.Connection.RemoteIpAddress?.ToString(), t["Updates.Preferences.Consent"]);
        await db.SaveChangesAsync();
        TempData.SetNotice(topics.Count == 0 ? t["Updates.Unsubscribed"] : t["Updates.Preferences.Saved"]);
        return Redirect(ContentLinks.Preferences(Token!, Cultures.Current));
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
