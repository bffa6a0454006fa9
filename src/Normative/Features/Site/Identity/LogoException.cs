namespace Normative.Features.Site.Identity;

/// <summary>An upload that cannot be the logo; <see cref="Exception.Message"/> is the key of the text that says why.</summary>
public sealed class LogoException(string key) : Exception(key);
