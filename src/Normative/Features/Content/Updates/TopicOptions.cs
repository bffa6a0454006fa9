namespace Normative.Features.Content.Updates;

/// <summary>
/// What the topic controls offer: the ICS fields for the select, and suggestions for the text field
/// (ICS groups and the committees that own standards, technical committees and their subcommittees).
/// </summary>
public sealed record TopicOptions(IReadOnlyList<(string Code, string Title)> Fields, IReadOnlyList<(string Value, string Label)> Suggestions)
{
    public static TopicOptions None { get; } = new([], []);
}
