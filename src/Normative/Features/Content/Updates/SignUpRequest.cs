namespace Normative.Features.Content.Updates;

/// <summary>A sent sign-up form: the address, topics and language chosen, where it came from and the words of the form.</summary>
public sealed record SignUpRequest(string Email, IReadOnlyList<string> Topics, string Language, string? ClientAddress, string FormText);
