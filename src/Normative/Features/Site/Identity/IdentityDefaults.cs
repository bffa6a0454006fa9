using Microsoft.Extensions.Options;
using Normative.Features.Shared;

namespace Normative.Features.Site.Identity;

/// <summary>
/// The logo and colours while no Administrator has chosen any: configuration's
/// (Organization:Logo, Organization:Colours:*) where they are readable and readable on screen,
/// else the built-in ones. Read once, at the first page; a setting that cannot be used is logged
/// and left aside rather than stopping the site.
/// </summary>
public sealed class IdentityDefaults
{
    public Palette Palette { get; }

    /// <summary>Configuration's logo, prepared like an upload; null: the built-in logo.</summary>
    public Logos.Prepared? Logo { get; }

    public IdentityDefaults(IOptions<OrganizationOptions> organization, IHostEnvironment environment, ILogger<IdentityDefaults> logger)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(environment);
        var options = organization.Value;
        var builtIn = Palette.BuiltIn;
        Palette = new Palette(
            Pick("Primary", options.Colours.Primary, IdentityRules.CheckPrimary, builtIn.Primary, logger),
            Pick("Link", options.Colours.Link, IdentityRules.CheckLink, builtIn.Link, logger),
            Pick("Accent", options.Colours.Accent, IdentityRules.CheckAccent, builtIn.Accent, logger));
        if (options.Logo is { } path)
        {
            var file = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
            try
            {
                Logo = Logos.Prepare(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is LogoException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Organization:Logo ({File}) cannot be the logo ({Problem}); the built-in logo is shown", file, e.Message);
            }
        }
    }

    private static string Pick(string name, string? configured, Func<string?, ColourCheck?> check, string builtIn, ILogger logger)
    {
        if (configured is null)
        {
            return builtIn;
        }
        if (check(configured) is { } problem)
        {
            logger.LogWarning("Organization:Colours:{Name} ({Colour}) is refused ({Problem}, contrast {Ratio}:1 with white); the built-in colour is used", name, configured, problem.Key, problem.Ratio);
            return builtIn;
        }
        return IdentityRules.Parse(configured)!;
    }
}
