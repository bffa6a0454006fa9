namespace Normative.Features.Shared;

/// <summary>
/// Who runs this site: a national body, a regional body or a consortium sets its own name and
/// contact details in configuration (Organization:Name, Organization:Email, Organization:Address,
/// the address with | between lines). Shown in the header, the footer, pages, mail and invoices.
/// The logo (Organization:Logo, the path of a PNG, JPEG or WebP file) and the colours
/// (Organization:Colours:Primary, :Link, :Accent) are the defaults an Administrator's choice on
/// the site identity page overrides.
/// </summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";
    public const string DefaultName = "Normative";

    public string Name { get; set; } = DefaultName;

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>The default logo's file, absolute or relative to the content root; none: the built-in one.</summary>
    public string? Logo { get; set; }

    public OrganizationColours Colours { get; set; } = new();

    public IReadOnlyList<string> AddressLines =>
        (Address ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Blank settings count as unset.</summary>
    public void Normalize()
    {
        Name = string.IsNullOrWhiteSpace(Name) ? DefaultName : Name.Trim();
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim();
        Logo = string.IsNullOrWhiteSpace(Logo) ? null : Logo.Trim();
        Colours ??= new();
    }
}
