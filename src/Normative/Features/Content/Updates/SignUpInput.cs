using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Updates;

/// <summary>The sign-up form's fields: the footer sends the address and ticked topics, the email updates page the rest too.</summary>
public sealed class SignUpInput
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    public List<string> Topics { get; set; } = [];

    /// <summary>An ICS field picked in the select ("13"), added to the topics.</summary>
    public string? AddField { get; set; }

    /// <summary>An ICS code ("13.020") or a committee reference ("ISO/TC 207") typed in, added to the topics.</summary>
    [StringLength(TopicChoices.MaxTyped, ErrorMessage = "Validation.MaxLength")]
    public string? AddCode { get; set; }

    public DigestFrequency Frequency { get; set; } = DigestFrequency.Weekly;
}
