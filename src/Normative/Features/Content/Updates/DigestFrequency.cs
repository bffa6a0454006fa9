namespace Normative.Features.Content.Updates;

/// <summary>How often a subscriber gets the digest of what is new in their topics.</summary>
public enum DigestFrequency
{
    Weekly,
    Daily,
}
