namespace Normative.Features.Shared;

/// <summary>
/// Who runs this site: a national body, a regional body or a consortium sets its own name and
/// contact details in configuration (Organization:Name, Organization:Email, Organization:Address).
/// </summary>
public static class OrganizationInfo
{
    public const string DefaultName = "Normative";

    public static string Name(HttpContext context) => Setting(context, "Organization:Name") ?? DefaultName;

    public static string? Email(HttpContext context) => Setting(context, "Organization:Email");

    public static string? Address(HttpContext context) => Setting(context, "Organization:Address");

    private static string? Setting(HttpContext context, string key) =>
        context.RequestServices.GetRequiredService<IConfiguration>()[key] is { Length: > 0 } value ? value : null;
}
