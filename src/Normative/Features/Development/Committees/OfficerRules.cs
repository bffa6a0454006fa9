namespace Normative.Features.Development.Committees;

/// <summary>The rules of officers' terms, without a database.</summary>
public static class OfficerRules
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// Why a term cannot be recorded (a resource key), or null: a term is recorded when it starts
    /// (not before: the current officer's columns change at once), and ends on or after its start.
    /// </summary>
    public static string? CheckTerm(DateOnly startsOn, DateOnly? endsOn, DateOnly today) =>
        startsOn > today ? "Error.Officer.FutureStart"
        : endsOn is { } end && end < startsOn ? "Error.Officer.EndBeforeStart"
        : null;

    /// <summary>The officer in office on <paramref name="day"/> for <paramref name="role"/>: of those serving, the one appointed last.</summary>
    public static CommitteeOfficer? Current(IEnumerable<CommitteeOfficer> officers, OfficerRole role, DateOnly day) =>
        officers.Where(o => o.Role == role && o.Serves(day)).OrderByDescending(o => o.StartsOn).ThenByDescending(o => o.Id).FirstOrDefault();

    /// <summary>
    /// The last day of the term a new appointment from <paramref name="newStart"/> ends: the day
    /// before it, or the outgoing term's first day when the two start together (a correction).
    /// </summary>
    public static DateOnly OutgoingEnd(CommitteeOfficer outgoing, DateOnly newStart)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var end = newStart.AddDays(-1);
        return end < outgoing.StartsOn ? outgoing.StartsOn : end;
    }

    /// <summary>How a term reads in the history: "Name (2026-01-01 – 2031-12-31)".</summary>
    public static string Describe(CommitteeOfficer officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return $"{officer.Name} ({DevelopmentFormat.Date(officer.StartsOn)} – {(officer.EndsOn is null ? "" : DevelopmentFormat.Date(officer.EndsOn))})".Replace(" – )", " –)", StringComparison.Ordinal);
    }
}
