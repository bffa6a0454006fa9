using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Organizations;

namespace Normative.Features.Store.Seats;

/// <summary>
/// The seats of an order's multi-user licences, for the administrators of the organisation it was
/// bought for: who holds each seat, how many downloads they used, free seats given to members or to
/// people by e-mail (invited to join), a seat given to someone else or taken back. A refused change
/// changes nothing and keeps what was typed. Anyone else gets 403, an unknown order 404.
/// </summary>
[Authorize]
public class SeatsModel(NormativeDb db, UserManager<User> users, OrganizationMail mail, TimeProvider clock, IStringLocalizer<OrganizationText> o) : PageModel
{
    /// <summary>Free seats of one line for members ticked and people typed.</summary>
    public sealed class AssignInput
    {
        public int Line { get; set; }
        public List<string> Members { get; set; } = [];
        public string? People { get; set; }
    }

    /// <summary>One given seat of one line for one person (taken from its holder if it has one).</summary>
    public sealed class ReassignInput
    {
        public int Line { get; set; }
        public int Seat { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
    }

    /// <summary>How a seat's holder stands: a member downloads; someone invited once they join; someone else not at all.</summary>
    public enum HolderState
    {
        Member,
        Invited,
        NotMember,
    }

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    [BindProperty]
    public ReassignInput Reassign { get; set; } = new();

    public Order Order { get; private set; } = null!;
    public Organization Organization { get; private set; } = null!;
    public List<OrderLine> Lines { get; private set; } = [];
    public List<OrganizationActions.Member> Members { get; private set; } = [];
    public HashSet<string> Invited { get; private set; } = [];
    /// <summary>The line whose forms the refusal belongs to.</summary>
    public int? RefusedLine { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number) => await LoadAsync(number) ?? Page();

    public async Task<IActionResult> OnPostAssignAsync(string number)
    {
        var input = Assign;
        ModelState.Clear();
        if (await LoadAsync(number) is { } refusal)
        {
            return refusal;
        }
        Assign = input;
        var wanted = new List<SeatRules.Wanted>();
        foreach (var id in input.Members.Distinct())
        {
            if (Members.SingleOrDefault(m => m.UserId == id) is not { } member)
            {
                return await RefusedAsync(number, input.Line, "Assign", new SeatRules.Refusal("Seats.Error.NotAMember"));
            }
            wanted.Add(new SeatRules.Wanted(null, member.Email.ToLowerInvariant(), member.DisplayName));
        }
        var (people, badLine) = SeatRules.ParsePeople(input.People);
        if (badLine is not null)
        {
            return await RefusedAsync(number, input.Line, "Assign", new SeatRules.Refusal("Seats.Error.BadLine", badLine));
        }
        wanted.AddRange(people.Select(p => new SeatRules.Wanted(null, p.Email, p.Name)));
        return await ChangeAsync(number, input.Line, "Assign", wanted);
    }

    public async Task<IActionResult> OnPostReassignAsync(string number)
    {
        var input = Reassign;
        ModelState.Clear();
        if (await LoadAsync(number) is { } refusal)
        {
            return refusal;
        }
        Reassign = input;
        if (OrganizationRules.NormalizeEmail(input.Email) is not { } email)
        {
            return await RefusedAsync(number, input.Line, "Reassign", new SeatRules.Refusal("Seats.Error.Email", input.Email ?? ""));
        }
        var name = string.IsNullOrWhiteSpace(input.Name) ? Members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase))?.DisplayName : input.Name;
        return await ChangeAsync(number, input.Line, "Reassign", [new SeatRules.Wanted(input.Seat, email, name)]);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string number, int line, int seat)
    {
        if (await LoadAsync(number) is { } refusal)
        {
            return refusal;
        }
        var actor = await users.GetUserAsync(User);
        var problem = await SeatActions.ReleaseAsync(db, Order.Id, line, seat, actor!, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (problem is not null)
        {
            return await RefusedAsync(number, line, "Release", problem);
        }
        TempData.SetNotice(o["Seats.Released", seat]);
        return Redirect(OrganizationLinks.Seats(number));
    }

    private async Task<IActionResult> ChangeAsync(string number, int line, string form, IReadOnlyList<SeatRules.Wanted> wanted)
    {
        var actor = await users.GetUserAsync(User);
        var problem = await SeatActions.AssignAsync(db, mail, Order.Id, line, wanted, actor!, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (problem is not null)
        {
            return await RefusedAsync(number, line, form, problem);
        }
        TempData.SetNotice(o["Seats.Assigned", wanted.Count]);
        return Redirect(OrganizationLinks.Seats(number));
    }

    /// <summary>The page again, as it is in the database (nothing changed), with the reason beside the form and what was typed in it.</summary>
    private async Task<IActionResult> RefusedAsync(string number, int line, string form, SeatRules.Refusal refusal)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(number);
        RefusedLine = line;
        ModelState.AddModelError(form, o[refusal.Key, refusal.Values]);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    /// <summary>Null when the person administers the organisation the order was bought for; else 404 or 403.</summary>
    private async Task<IActionResult?> LoadAsync(string number)
    {
        var ct = HttpContext.RequestAborted;
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
        if (order?.OrganizationId is not { } organizationId)
        {
            return NotFound();
        }
        if (!await OrganizationActions.IsAdministratorAsync(db, organizationId, User.UserId(), ct))
        {
            return Forbid();
        }
        Order = order;
        Organization = await db.Organizations.AsNoTracking().SingleAsync(x => x.Id == organizationId, ct);
        Lines = (await db.OrderLines.AsNoTracking().Include(l => l.Seats.OrderBy(s => s.Number)).Where(l => l.OrderId == order.Id).OrderBy(l => l.LineNumber).ToListAsync(ct))
            .Where(SeatRules.HasSeats).ToList();
        Members = await OrganizationActions.MembersAsync(db, organizationId, ct);
        Invited = (await db.OrganizationInvitations.Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null).Select(i => i.Email).ToListAsync(ct)).ToHashSet();
        return null;
    }

    public HolderState StateOf(OrderSeat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return Members.Any(m => string.Equals(m.Email, seat.Email, StringComparison.OrdinalIgnoreCase)) ? HolderState.Member
            : Invited.Contains(seat.Email ?? "") ? HolderState.Invited
            : HolderState.NotMember;
    }
}
