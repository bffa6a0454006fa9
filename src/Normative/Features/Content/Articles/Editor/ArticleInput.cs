using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Articles.Editor;

/// <summary>The Editor's form: the article's address, kind and tags, and its version in one language.</summary>
public sealed class ArticleInput
{
    public ArticleKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Field.Slug")]
    public string Slug { get; set; } = "";

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

    public List<string> Sectors { get; set; } = [];

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Field.Standards")]
    public string? Standards { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Field.Committees")]
    public string? Committees { get; set; }

    public bool Featured { get; set; }

    /// <summary>What the lead image shows, in this version's language (asked for once the article has an image).</summary>
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Articles.Image.Alt")]
    public string? ImageAlt { get; set; }
}
