using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Events.Editor;

/// <summary>The Editor's event form; times are typed in UTC.</summary>
public sealed class EventInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(100_000, ErrorMessage = "Validation.MaxLength")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    public DateTime? EndsAt { get; set; }

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    public string? Place { get; set; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    public string? OnlineUrl { get; set; }

    public List<string> Sectors { get; set; } = [];
}
