namespace Normative.Features.Content.Mailings;

/// <summary>Where an article stands with its newsletter test.</summary>
public enum NewsletterTest
{
    /// <summary>No test was sent.</summary>
    None,
    /// <summary>A test was sent, but the article was edited after it.</summary>
    Outdated,
    /// <summary>A test of the article as it stands was sent.</summary>
    Current,
}
