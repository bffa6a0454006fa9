using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Content.Updates;

/// <summary>The sign-up form's fields, the same in the footer and on the email updates page.</summary>
public sealed class SignUpInput
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    public List<string> Topics { get; set; } = [];
}
