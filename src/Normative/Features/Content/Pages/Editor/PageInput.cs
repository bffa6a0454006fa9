using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Pages.Editor;

/// <summary>The Editor's form: a page's text in one language.</summary>
public sealed class PageInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(5, ErrorMessage = "Validation.MaxLength")]
    public string Language { get; set; } = "en";

    [Required(ErrorMessage = "Validation.Required"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Field.Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Field.Summary")]
    public string Summary { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(200_000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Field.Body")]
    public string Body { get; set; } = "";
}
