namespace Normative.Features.Content.Updates;

/// <summary>A sent sign-up form: the address, topics, language and digest frequency chosen, where it came from and the words of the form.</summary>
public sealed record SignUpRequest(string Email, IReadOnlyList<string> Topics, string Language, string? ClientAddress, string FormText,
    DigestFrequency Frequency = DigestFrequency.Weekly);
