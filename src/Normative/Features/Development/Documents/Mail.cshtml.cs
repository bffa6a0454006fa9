using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Documents;

/// <summary>/development/documents/mail: whether the signed-in person gets the daily mail of new documents in their committees.</summary>
[Authorize]
public class MailModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed class InputModel
    {
        public bool Daily { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        var id = User.UserId()!;
        Input.Daily = !await db.DocumentMailOptOuts.AnyAsync(o => o.UserId == id);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = User.UserId()!;
        var optedOut = await db.DocumentMailOptOuts.FirstOrDefaultAsync(o => o.UserId == id);
        if (Input.Daily && optedOut is not null)
        {
            db.DocumentMailOptOuts.Remove(optedOut);
        }
        else if (!Input.Daily && optedOut is null)
        {
            db.DocumentMailOptOuts.Add(new DocumentMailOptOut { UserId = id, OptedOutAt = clock.GetUtcNow() });
        }
        await db.SaveChangesAsync();
        TempData.SetNotice(t[Input.Daily ? "Documents.MailOn" : "Documents.MailOff"]);
        return Redirect(DocumentLinks.MailSettings);
    }
}
