using Normative.Features.Store.Orders;
using Normative.Features.Store.Organizations;

namespace Normative.Features.Store.Seats;

/// <summary>
/// Which lines have named seats, and whether a set of assignments fits a licence: every seat
/// named exists, nobody holds two seats of one licence, and no more people are named than there
/// are free seats. A set that does not fit changes nothing.
/// </summary>
public static class SeatRules
{
    /// <summary>
    /// A multi-user licence: a PDF, or a subscription to a collection, bought with a quantity of 2 or
    /// more, one seat per unit.
    /// </summary>
    public static bool IsMultiUser(ProductFormat format, int quantity) => format is ProductFormat.Pdf or ProductFormat.Subscription && quantity >= 2;

    public static bool HasSeats(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return IsMultiUser(line.Format, line.Quantity);
    }

    /// <summary>The most seats a licence may have: the store's setting, within the cart's limit of <see cref="Carts.CartRules.MaxQuantity"/>.</summary>
    public static int MaxSeats(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Clamp(options.MaxSeats, 1, Carts.CartRules.MaxQuantity);
    }

    /// <summary>A seat as it is now: its number and its holder's address (null: free).</summary>
    public sealed record Seat(int Number, string? Email);

    /// <summary>Someone to give a seat to: a given seat (reassigning it if taken), or any free seat (null).</summary>
    public sealed record Wanted(int? Seat, string Email, string? Name);

    /// <summary>Why a set of assignments was refused: a resource key of <see cref="Organizations.OrganizationText"/> and its values.</summary>
    public sealed record Refusal(string Key, params object[] Values);

    /// <summary>
    /// The seat each wanted person gets, in the order given (free seats by number), or the refusal.
    /// Addresses must already be normalized (lower case). A person named twice, or already holding
    /// a seat that this set does not give to someone else, is refused, as is naming more people
    /// than there are free seats.
    /// </summary>
    public static (IReadOnlyList<(int Seat, Wanted Wanted)> Plan, Refusal? Refusal) Plan(IReadOnlyList<Seat> seats, IReadOnlyList<Wanted> wanted)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.Count == 0)
        {
            return ([], new Refusal("Seats.Error.NobodyNamed"));
        }
        if (wanted.GroupBy(w => w.Email, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return ([], new Refusal("Seats.Error.NamedTwice", twice.Key));
        }
        var byNumber = seats.ToDictionary(s => s.Number);
        foreach (var w in wanted.Where(w => w.Seat is not null))
        {
            if (!byNumber.ContainsKey(w.Seat!.Value))
            {
                return ([], new Refusal("Seats.Error.NoSuchSeat", w.Seat.Value, seats.Count));
            }
        }
        if (wanted.Where(w => w.Seat is not null).GroupBy(w => w.Seat).FirstOrDefault(g => g.Count() > 1) is { } seatTwice)
        {
            return ([], new Refusal("Seats.Error.SeatTwice", seatTwice.Key!.Value));
        }
        // Seats this set gives to someone else no longer hold their present holder.
        var reassigned = wanted.Where(w => w.Seat is not null).Select(w => w.Seat!.Value).ToHashSet();
        foreach (var w in wanted)
        {
            var held = seats.FirstOrDefault(s => s.Email == w.Email && !reassigned.Contains(s.Number));
            if (held is not null || (w.Seat is { } n && byNumber[n].Email == w.Email))
            {
                return ([], new Refusal("Seats.Error.AlreadyHolds", w.Email, held?.Number ?? w.Seat!.Value));
            }
        }
        var free = seats.Where(s => s.Email is null && !reassigned.Contains(s.Number)).OrderBy(s => s.Number).Select(s => s.Number).ToList();
        var anySeat = wanted.Count(w => w.Seat is null);
        if (anySeat > free.Count)
        {
            return ([], new Refusal("Seats.Error.TooMany", seats.Count, free.Count, anySeat));
        }
        var plan = new List<(int, Wanted)>();
        var next = 0;
        foreach (var w in wanted)
        {
            plan.Add((w.Seat ?? free[next++], w));
        }
        return (plan, null);
    }

    /// <summary>
    /// The people typed one per line, as "address", "address, name" or "Name &lt;address&gt;";
    /// blank lines are skipped. Returns the first line that is none of these instead, as typed.
    /// </summary>
    public static (IReadOnlyList<(string Email, string? Name)> People, string? BadLine) ParsePeople(string? text)
    {
        var people = new List<(string, string?)>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var comma = line.IndexOfAny([',', ';', '\t']);
            if (comma > 0 && OrganizationRules.NormalizeEmail(line[..comma]) is { } first)
            {
                var name = line[(comma + 1)..].Trim();
                people.Add((first, name.Length == 0 ? null : name));
            }
            else if (OrganizationRules.NormalizeEmail(line) is { } alone)
            {
                people.Add((alone, null));
            }
            else if (line.EndsWith('>') && line.LastIndexOf('<') is var open and > 0
                && OrganizationRules.NormalizeEmail(line[(open + 1)..^1]) is { } quoted)
            {
                people.Add((quoted, line[..open].Trim().Trim('"').Trim() is { Length: > 0 } n ? n : null));
            }
            else
            {
                return (people, line);
            }
        }
        return (people, null);
    }
}
