using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Development.Meetings;

/// <summary>The meeting form of the New and Edit pages; times are entered in UTC, as the pages show them.</summary>
public sealed class MeetingInput
{
    public MeetingKind Kind { get; set; }

    public int? Number { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(MeetingRules.TitleLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MeetingTitle")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MeetingStarts")]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MeetingEnds")]
    public DateTime? EndsAt { get; set; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MeetingAddress")]
    public string? Address { get; set; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MeetingCity")]
    public string? City { get; set; }

    public string? Country { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MeetingOnline")]
    public string? OnlineUrl { get; set; }

    /// <summary>The hosting member body's acronym.</summary>
    public string? Host { get; set; }

    public string? Agenda { get; set; }

    public string? Resolutions { get; set; }

    public MeetingDraft ToDraft() => new(Kind, Number, Title ?? "", Utc(StartsAt), Utc(EndsAt), Address, City, Country, OnlineUrl, Host, Agenda, Resolutions);

    public static MeetingInput From(Meeting m, string? host) => new()
    {
        Kind = m.Kind, Number = m.Number, Title = m.Title, StartsAt = m.StartsAt.UtcDateTime, EndsAt = m.EndsAt.UtcDateTime, Address = m.Address, City = m.City,
        Country = m.CountryCode, OnlineUrl = m.OnlineUrl, Host = host, Agenda = m.Agenda, Resolutions = m.Resolutions,
    };

    private static DateTimeOffset Utc(DateTime? at) => new(DateTime.SpecifyKind(at ?? default, DateTimeKind.Utc));
}
