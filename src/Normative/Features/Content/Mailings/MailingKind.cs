namespace Normative.Features.Content.Mailings;

/// <summary>A periodic digest of what is new, or a newsletter an Editor sends from an article.</summary>
public enum MailingKind
{
    Digest,
    Newsletter,
}
