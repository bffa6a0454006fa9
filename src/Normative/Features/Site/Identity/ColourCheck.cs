namespace Normative.Features.Site.Identity;

/// <summary>Why a colour was refused: the key of the text that says so, and the contrast it has (0 when it is not a colour at all).</summary>
public sealed record ColourCheck(string Key, double Ratio);
