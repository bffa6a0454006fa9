using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Normative.Mail;

namespace Normative.Features.Admin;

/// <summary>
/// Development only: the mail written as .eml files (when no SMTP server is configured), newest first,
/// so sign-up and reset links can be followed without a mail server.
/// </summary>
public class MailboxModel(IWebHostEnvironment environment, IOptions<MailSettings> settings, IConfiguration configuration) : PageModel
{
    public sealed record Item(string File, EmlReader.Eml Mail);

    public List<Item> Items { get; private set; } = [];
    public Item? Selected { get; private set; }
    public string Folder { get; private set; } = "";

    public IActionResult OnGet(string? file)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }
        Folder = PickupMailSender.PickupDirectoryFor(settings.Value, configuration);
        if (!Directory.Exists(Folder))
        {
            return Page();
        }
        var files = new DirectoryInfo(Folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(100).ToList();
        Items = files.Select(f => new Item(f.Name, EmlReader.ReadFile(f.FullName))).ToList();
        if (file is not null)
        {
            // Only a name from the listing, never a path.
            Selected = Items.FirstOrDefault(i => i.File == file);
            if (Selected is null)
            {
                return NotFound();
            }
        }
        return Page();
    }
}
