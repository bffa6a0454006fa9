namespace Normative.Features.Content.Updates;

/// <summary>
/// The ICS-field and committee part of a form and the digest's frequency: the chosen fields and
/// committees as check boxes (with their names), the select of ICS fields and the text field with its
/// suggestions, keeping what was picked or typed.
/// </summary>
public sealed record TopicFieldsView(string IdPrefix, IReadOnlyList<TopicFieldsView.Entry> Chosen, TopicOptions Options, string? AddField, string? AddCode,
    DigestFrequency Frequency)
{
    public sealed record Entry(string Topic, string Name, bool Ticked);
}
