using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;
using Normative.Features.Store.Organizations;

namespace Normative.Features.Store.Seats;

/// <summary>
/// The seats of an order's multi-user licences, for the administrators of the organisation it was
/// bought for (403 for anyone else, 404 for an unknown order or line): list them, give free seats
/// to people, give one seat to someone (taking it from its holder), take a seat back. A refused
/// change (a person named twice, more people than free seats) is a 409 and changes nothing.
/// </summary>
public static class SeatsApi
{
    public sealed record SeatResponse(int Seat, string? Email, string? Name, DateTimeOffset? AssignedAt, int DownloadsUsed, int DownloadLimit);

    public sealed record LineSeatsResponse(int Line, string Reference, string Language, int Seats, int Free, IReadOnlyList<SeatResponse> Holders);

    public sealed record PersonRequest(string? Email, string? Name);

    public sealed record AssignRequest(IReadOnlyList<PersonRequest>? People);

    public static IEndpointRouteBuilder MapSeatsApi(this IEndpointRouteBuilder app)
    {
        var seats = app.MapGroup("/api/v1/orders/{number}").WithTags("Store").RequireAuthorization();
        seats.MapGet("/seats", ListSeatsAsync).WithName("ListSeats");
        seats.MapPost("/lines/{line:int}/seats", AssignFreeSeatsAsync).WithName("AssignFreeSeats");
        seats.MapPut("/lines/{line:int}/seats/{seat:int}", AssignSeatAsync).WithName("AssignSeat");
        seats.MapDelete("/lines/{line:int}/seats/{seat:int}", ReleaseSeatAsync).WithName("ReleaseSeat");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<LineSeatsResponse>>, NotFound, ForbidHttpResult>> ListSeatsAsync(
        string number, HttpContext http, NormativeDb db, CancellationToken ct)
    {
        var (orderId, refusal) = await FindAsync(number, http, db, ct);
        return refusal switch
        {
            Refused.NotFound => TypedResults.NotFound(),
            Refused.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(await DescribeAsync(db, orderId, ct)),
        };
    }

    /// <summary>Gives free seats of the line to the people named, in order: all of them, or none.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LineSeatsResponse>>, NotFound, ForbidHttpResult, ProblemHttpResult>> AssignFreeSeatsAsync(
        string number, int line, AssignRequest request, HttpContext http, NormativeDb db, UserManager<User> users, OrganizationMail mail, TimeProvider clock,
        IStringLocalizer<OrganizationText> o, CancellationToken ct)
    {
        var wanted = new List<SeatRules.Wanted>();
        foreach (var person in request.People ?? [])
        {
            // {"people": [null]} names nobody: refused as a missing address, not a server error.
            if (OrganizationRules.NormalizeEmail(person?.Email) is not { } email)
            {
                return Problem(o, new SeatRules.Refusal("Seats.Error.Email", person?.Email ?? ""), StatusCodes.Status400BadRequest);
            }
            wanted.Add(new SeatRules.Wanted(null, email, person!.Name));
        }
        return await ChangeAsync(number, line, wanted, http, db, users, mail, clock, o, ct);
    }

    /// <summary>Gives seat <paramref name="seat"/> to the person, taking it from its present holder.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LineSeatsResponse>>, NotFound, ForbidHttpResult, ProblemHttpResult>> AssignSeatAsync(
        string number, int line, int seat, PersonRequest request, HttpContext http, NormativeDb db, UserManager<User> users, OrganizationMail mail, TimeProvider clock,
        IStringLocalizer<OrganizationText> o, CancellationToken ct)
    {
        if (OrganizationRules.NormalizeEmail(request.Email) is not { } email)
        {
            return Problem(o, new SeatRules.Refusal("Seats.Error.Email", request.Email ?? ""), StatusCodes.Status400BadRequest);
        }
        return await ChangeAsync(number, line, [new SeatRules.Wanted(seat, email, request.Name)], http, db, users, mail, clock, o, ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<LineSeatsResponse>>, NotFound, ForbidHttpResult, ProblemHttpResult>> ReleaseSeatAsync(
        string number, int line, int seat, HttpContext http, NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<OrganizationText> o, CancellationToken ct)
    {
        var (orderId, refusal) = await FindAsync(number, http, db, ct);
        if (refusal is not null)
        {
            return refusal == Refused.NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        var actor = await users.GetUserAsync(http.User);
        var problem = await SeatActions.ReleaseAsync(db, orderId, line, seat, actor!, clock.GetUtcNow(), ct);
        return problem is null ? TypedResults.Ok(await DescribeAsync(db, orderId, ct)) : Problem(o, problem, StatusOf(problem));
    }

    private static async Task<Results<Ok<IReadOnlyList<LineSeatsResponse>>, NotFound, ForbidHttpResult, ProblemHttpResult>> ChangeAsync(
        string number, int line, IReadOnlyList<SeatRules.Wanted> wanted, HttpContext http, NormativeDb db, UserManager<User> users, OrganizationMail mail, TimeProvider clock,
        IStringLocalizer<OrganizationText> o, CancellationToken ct)
    {
        var (orderId, refusal) = await FindAsync(number, http, db, ct);
        if (refusal is not null)
        {
            return refusal == Refused.NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        var actor = await users.GetUserAsync(http.User);
        var problem = await SeatActions.AssignAsync(db, mail, orderId, line, wanted, actor!, clock.GetUtcNow(), ct);
        return problem is null ? TypedResults.Ok(await DescribeAsync(db, orderId, ct)) : Problem(o, problem, StatusOf(problem));
    }

    private enum Refused
    {
        NotFound,
        Forbidden,
    }

    private static async Task<(long OrderId, Refused? Refusal)> FindAsync(string number, HttpContext http, NormativeDb db, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(x => x.Number == number).Select(x => new { x.Id, x.OrganizationId }).SingleOrDefaultAsync(ct);
        if (order?.OrganizationId is not { } organizationId)
        {
            return (0, Refused.NotFound);
        }
        return await OrganizationActions.IsAdministratorAsync(db, organizationId, http.User.UserId(), ct) ? (order.Id, null) : (0, Refused.Forbidden);
    }

    private static async Task<IReadOnlyList<LineSeatsResponse>> DescribeAsync(NormativeDb db, long orderId, CancellationToken ct) =>
        (await db.OrderLines.AsNoTracking().Include(l => l.Seats.OrderBy(s => s.Number)).Where(l => l.OrderId == orderId).OrderBy(l => l.LineNumber).ToListAsync(ct))
        .Where(SeatRules.HasSeats)
        .Select(l => new LineSeatsResponse(l.LineNumber, l.Reference, l.Language, l.Seats.Count, l.Seats.Count(s => s.IsFree),
            l.Seats.Select(s => new SeatResponse(s.Number, s.Email, s.HolderName, s.AssignedAt, s.DownloadsUsed, s.DownloadLimit)).ToList()))
        .ToList();

    /// <summary>A line or seat that is not there is a 404; anything else refused a 409 (the seats as they are do not allow it).</summary>
    private static int StatusOf(SeatRules.Refusal refusal) =>
        refusal.Key is "Seats.Error.NoSuchLine" or "Seats.Error.NoSuchSeat" ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;

    private static ProblemHttpResult Problem(IStringLocalizer<OrganizationText> o, SeatRules.Refusal refusal, int status) =>
        TypedResults.Problem(o[refusal.Key, refusal.Values].Value, statusCode: status, title: refusal.Key);
}
