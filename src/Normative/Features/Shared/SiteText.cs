namespace Normative.Features.Shared;

/// <summary>
/// Marker for the shell's translations: Resources/Features/Shared/SiteText.{,fr,es,ru}.resx hold the
/// header, footer, home, about, accounts and validation texts.
/// </summary>
public sealed class SiteText;
