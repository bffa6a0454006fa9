using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Mail;

namespace Normative.Features.Admin;

/// <summary>The administrators' overview: accounts and the state of the mail outbox.</summary>
public class IndexModel(NormativeDb db, IWebHostEnvironment environment) : PageModel
{
    public int Users { get; private set; }
    public int Waiting { get; private set; }
    public int Sent { get; private set; }
    public List<OutboxMessage> Failed { get; private set; } = [];
    public bool ShowMailbox => environment.IsDevelopment();

    public async Task OnGetAsync()
    {
        Users = await db.Users.CountAsync();
        Waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null);
        Sent = await db.OutboxMessages.CountAsync(m => m.SentAt != null);
        Failed = await db.OutboxMessages.AsNoTracking().Where(m => m.FailedAt != null || (m.SentAt == null && m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(50).ToListAsync();
    }
}
