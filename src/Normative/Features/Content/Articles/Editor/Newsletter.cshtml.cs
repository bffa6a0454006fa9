using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Content.Mailings;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Web;
using Npgsql;

namespace Normative.Features.Content.Articles.Editor;

/// <summary>
/// Send an article as a newsletter, as a communication officer expects to: tick the topics, read the
/// mail as subscribers will get it (in each language), send a test to oneself, then see exactly how
/// many subscribers it will go to and confirm. The confirmation form carries a key of its own, so a
/// double click or a second POST queues it once; the Editor lands on the mailing's progress.
/// </summary>
public class NewsletterModel(NormativeDb db, IStringLocalizer<ContentText> t, IConfiguration configuration, SubscriptionTokens tokens,
    IOptions<OrganizationOptions> organization, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Article? Article { get; private set; }

    /// <summary>The mail in the chosen language, its links as a reader's would look.</summary>
    public MailingContent? Preview { get; private set; }

    public bool CanSend { get; private set; }

    public NewsletterTest Test { get; private set; }

    /// <summary>Set at the confirmation step: how many confirmed subscribers the chosen topics reach now.</summary>
    public int? Recipients { get; private set; }

    /// <summary>The newsletters already made from this article, newest first.</summary>
    public IReadOnlyList<Mailing> Earlier { get; private set; } = [];

    public sealed class InputModel
    {
        public string Language { get; set; } = Cultures.Default;

        public List<string> Topics { get; set; } = [];

        /// <summary>The confirmation form's key (see <see cref="Mailing.SendKey"/>).</summary>
        public Guid? SendKey { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, string? language, string[]? topics, CancellationToken ct)
    {
        Input.Language = Cultures.IsSupported(language) ? language!.ToLowerInvariant() : Cultures.Current;
        Input.Topics = UpdateTopics.Clean(topics);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The preview in another language, the ticked topics kept.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        Clean();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct)
    {
        Clean();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanSend)
        {
            return Page();
        }
        if (User.Email() is not { Length: > 0 } email)
        {
            ModelState.AddModelError("", t["Newsletter.NoAddress"]);
            return Page();
        }
        await Newsletters.SendTestAsync(db, t, configuration, tokens, organization.Value.Name, Article!, Input.Language, email, User.UserId(), clock.GetUtcNow(), ct);
        TempData.SetNotice(t["Newsletter.TestSent", email]);
        return Redirect(ContentLinks.Newsletter(id, Input.Language, Input.Topics));
    }

    /// <summary>The confirmation step: the count of subscribers it will go to, and the button that sends it.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        Clean();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Ready())
        {
            Recipients = await MailingQueue.CountNewsletterAsync(db, [.. Input.Topics], ct);
            Input.SendKey = Guid.NewGuid();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct)
    {
        Clean();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // The same confirmation posted again (a double click, a reload): the mailing it made.
        if (Input.SendKey is { } key && await MailingByKeyAsync(key, ct) is { } made)
        {
            return Redirect(ContentLinks.Mailing(made));
        }
        if (!Ready())
        {
            return Page();
        }
        if (Input.SendKey is null)
        {
            return await OnPostReviewAsync(id, ct);
        }
        var count = await MailingQueue.CountNewsletterAsync(db, [.. Input.Topics], ct);
        if (count == 0)
        {
            Recipients = 0;
            return Page();
        }
        Mailing mailing;
        try
        {
            mailing = await Newsletters.QueueAsync(db, t, configuration, organization.Value.Name, Article!, Input.Topics, User.Email() ?? User.UserId(),
                clock.GetUtcNow(), Input.SendKey, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two posts of one form at the same moment: the other one queued it.
            db.ChangeTracker.Clear();
            var other = await MailingByKeyAsync(Input.SendKey.Value, ct) ?? throw new InvalidOperationException("A mailing with this key was queued and is gone.", e);
            return Redirect(ContentLinks.Mailing(other));
        }
        TempData.SetNotice(t.Plural("Newsletter.Queued", mailing.Recipients, mailing.Recipients.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        return Redirect(ContentLinks.Mailing(mailing.Id));
    }

    /// <summary>Whether the newsletter may go: live, topics ticked, a test of the current text sent. Says what is missing otherwise.</summary>
    private bool Ready()
    {
        if (!CanSend)
        {
            return false;
        }
        if (Input.Topics.Count == 0)
        {
            ModelState.AddModelError("Input.Topics", t["Newsletter.NoTopic"]);
        }
        if (Test != NewsletterTest.Current)
        {
            ModelState.AddModelError("", t[Test == NewsletterTest.None ? "Newsletter.TestFirst" : "Newsletter.TestAgain"]);
        }
        return ModelState.IsValid;
    }

    private void Clean()
    {
        Input.Topics = UpdateTopics.Clean(Input.Topics);
        Input.Language = Cultures.IsSupported(Input.Language) ? Input.Language.ToLowerInvariant() : Cultures.Default;
    }

    private async Task<long?> MailingByKeyAsync(Guid key, CancellationToken ct) =>
        await db.Mailings.AsNoTracking().Where(m => m.SendKey == key).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Article = await Newsletters.FindAsync(db, id, ct);
        if (Article is null)
        {
            return false;
        }
        CanSend = NewsletterRules.CanSend(Article.Status, Article.PublishAt, clock.GetUtcNow());
        Test = NewsletterRules.Test(Article.Events);
        Earlier = await db.Mailings.AsNoTracking().Where(m => m.ArticleId == id).OrderByDescending(m => m.Id).Take(20).ToListAsync(ct);
        if (Newsletters.Write(t, configuration, organization.Value.Name, Article, Input.Language) is { } content)
        {
            var signUp = SiteLinks.Mail(configuration, ContentLinks.Updates);
            content.TextBody = MailingLinks.Fill(content.TextBody, signUp, signUp);
            content.HtmlBody = MailingLinks.Fill(content.HtmlBody, signUp, signUp);
            Preview = content;
        }
        return true;
    }
}
