namespace Normative.Features.Shared;

/// <summary>The site's default colours from configuration ("#rrggbb"); unset or unreadable ones keep the built-in colours.</summary>
public sealed class OrganizationColours
{
    /// <summary>The header's background, behind white text.</summary>
    public string? Primary { get; set; }

    /// <summary>Links, on the white page.</summary>
    public string? Link { get; set; }

    /// <summary>Buttons (behind white text) and error messages.</summary>
    public string? Accent { get; set; }
}
