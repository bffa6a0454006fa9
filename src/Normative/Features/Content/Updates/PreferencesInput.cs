using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Updates;

/// <summary>The preferences form: topics and the language of the mails.</summary>
public sealed class PreferencesInput
{
    public List<string> Topics { get; set; } = [];

    [Required(ErrorMessage = "Validation.Required"), StringLength(5, ErrorMessage = "Validation.MaxLength")]
    public string Language { get; set; } = "en";
}
