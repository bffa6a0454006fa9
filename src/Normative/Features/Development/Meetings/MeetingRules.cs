using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>The rules of a meeting's record and of registering for it, without a database.</summary>
public static class MeetingRules
{
    public const int TitleLength = 300;
    public const int TextLength = 100_000;

    /// <summary>Null when the draft can be stored, else why not: a title, an end not before the start, a place (a city) or an online link.</summary>
    public static DevelopmentError? Check(MeetingDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > TitleLength)
        {
            return DevelopmentError.Invalid("Error.Meeting.Title", TitleLength);
        }
        if (!Enum.IsDefined(draft.Kind))
        {
            return DevelopmentError.Invalid("Error.Meeting.Kind");
        }
        if (draft.Number is <= 0)
        {
            return DevelopmentError.Invalid("Error.Meeting.Number");
        }
        if (draft.EndsAt < draft.StartsAt)
        {
            return DevelopmentError.Invalid("Error.Meeting.EndBeforeStart");
        }
        if (string.IsNullOrWhiteSpace(draft.City) && string.IsNullOrWhiteSpace(draft.OnlineUrl))
        {
            return DevelopmentError.Invalid("Error.Meeting.Place");
        }
        if (!string.IsNullOrWhiteSpace(draft.CountryCode) && !CountryCodes.TryNormalize(draft.CountryCode, out _))
        {
            return DevelopmentError.Invalid("Error.Meeting.Country", draft.CountryCode);
        }
        if (!string.IsNullOrWhiteSpace(draft.OnlineUrl)
            && (!Uri.TryCreate(draft.OnlineUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || draft.OnlineUrl.Length > 1000))
        {
            return DevelopmentError.Invalid("Error.Meeting.OnlineUrl");
        }
        if ((draft.Agenda?.Length ?? 0) > TextLength || (draft.Resolutions?.Length ?? 0) > TextLength)
        {
            return DevelopmentError.Invalid("Error.Meeting.TooLong", TextLength);
        }
        return null;
    }

    /// <summary>Whether registrants need to hear of a change: the time, the place or the online link moved.</summary>
    public static bool Moved(Meeting before, MeetingDraft after) =>
        before.StartsAt != after.StartsAt || before.EndsAt != after.EndsAt
        || !Same(before.Address, after.Address) || !Same(before.City, after.City)
        || !Same(before.CountryCode, after.CountryCode) || !Same(before.OnlineUrl, after.OnlineUrl);

    /// <summary>Null when a person may still register for the meeting at <paramref name="now"/>, else why not.</summary>
    public static DevelopmentError? CheckRegistration(Meeting meeting, DateTimeOffset now) =>
        meeting.Status == MeetingStatus.Cancelled ? DevelopmentError.Conflict("Error.Meeting.Cancelled", meeting.Title)
        : meeting.EndsAt < now ? DevelopmentError.Conflict("Error.Meeting.Over", meeting.Title)
        : null;

    private static bool Same(string? a, string? b) =>
        string.Equals(string.IsNullOrWhiteSpace(a) ? null : a.Trim(), string.IsNullOrWhiteSpace(b) ? null : b.Trim(), StringComparison.OrdinalIgnoreCase);
}
