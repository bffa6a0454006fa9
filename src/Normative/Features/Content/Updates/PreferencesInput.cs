using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Updates;

/// <summary>The preferences form: topics, the language of the mails and how often the digest comes.</summary>
public sealed class PreferencesInput
{
    public List<string> Topics { get; set; } = [];

    [Required(ErrorMessage = "Validation.Required"), StringLength(5, ErrorMessage = "Validation.MaxLength")]
    public string Language { get; set; } = "en";

    /// <summary>An ICS field picked in the select ("13"), added to the topics.</summary>
    public string? AddField { get; set; }

    /// <summary>An ICS code ("13.020") or a committee reference ("ISO/TC 207") typed in, added to the topics.</summary>
    [StringLength(TopicChoices.MaxTyped, ErrorMessage = "Validation.MaxLength")]
    public string? AddCode { get; set; }

    public DigestFrequency Frequency { get; set; } = DigestFrequency.Weekly;
}
