using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Development.Membership;

/// <summary>The member body form of the New and Edit pages.</summary>
public sealed class MemberBodyInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(2, MinimumLength = 2, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CountryCode")]
    public string? CountryCode { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Acronym")]
    public string? Acronym { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.BodyName")]
    public string? Name { get; set; }

    public MemberCategory Category { get; set; } = MemberCategory.MemberBody;

    public Region Region { get; set; } = Region.Europe;

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.WebSite")]
    public string? WebSite { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PostalAddress")]
    public string? Address { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ContactEmail")]
    public string? ContactEmail { get; set; }

    [StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ContactPhone")]
    public string? ContactPhone { get; set; }

    /// <summary>On an edit: why (kept in the history, e.g. for a change of category).</summary>
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Reason")]
    public string? Note { get; set; }

    public MemberBodyDraft ToDraft() =>
        new(CountryCode ?? "", Acronym ?? "", Name ?? "", Category, Region, WebSite, Address, ContactEmail, ContactPhone);

    public static MemberBodyInput From(MemberBody m) => new()
    {
        CountryCode = m.CountryCode, Acronym = m.Acronym, Name = m.Name, Category = m.Category, Region = m.Region,
        WebSite = m.WebSite, Address = m.Address, ContactEmail = m.ContactEmail, ContactPhone = m.ContactPhone,
    };

    /// <summary>The form field a refusal of the operations belongs to.</summary>
    public static string FieldFor(string errorKey) => errorKey switch
    {
        "Error.Member.Acronym" or "Error.Member.AcronymTaken" => "Input.Acronym",
        "Error.Member.Name" => "Input.Name",
        "Error.Member.WebSite" => "Input.WebSite",
        "Error.Member.Email" => "Input.ContactEmail",
        "Error.Member.TooLong" => "Input.Address",
        "Error.Member.Category" => "Input.Category",
        _ => "Input.CountryCode",
    };
}
