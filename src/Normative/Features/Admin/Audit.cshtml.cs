using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Admin;

/// <summary>The staff audit log for administrators: newest first, filtered by account, address and days.</summary>
public class AuditModel(NormativeDb db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Part of the account's user name (its e-mail address).</summary>
    [BindProperty(SupportsGet = true), StringLength(256, ErrorMessage = "Validation.MaxLength"), Display(Name = "Admin.Audit.Who")]
    public string? Who { get; set; }

    /// <summary>Part of the address asked for ("/standards", "handler=Save").</summary>
    [BindProperty(SupportsGet = true), StringLength(2000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Admin.Audit.What")]
    public string? What { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "Admin.Audit.From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "Admin.Audit.To")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<StaffAction> Actions { get; private set; } = [];
    public int Total { get; private set; }

    public Pager Pager => Pager.For(PageNumber, Total, PageSize, p => AccountLinks.AdminAudit(Who, What, From, To, p));

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A filter that cannot be read shows no rows rather than every row.
            return;
        }
        var query = db.StaffActions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Who))
        {
            query = query.Where(a => EF.Functions.ILike(a.UserName, SqlLike.Contains(Who.Trim())));
        }
        if (!string.IsNullOrWhiteSpace(What))
        {
            query = query.Where(a => EF.Functions.ILike(a.Path, SqlLike.Contains(What.Trim())));
        }
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pager.Pages(Total, PageSize));
        Actions = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
