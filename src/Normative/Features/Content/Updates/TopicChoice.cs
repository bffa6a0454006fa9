using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The topics a form asked for, read against the catalogue (<see cref="TopicChoices.ReadAsync"/>):
/// the known ones, and what was refused — ticked topics the catalogue no longer holds, an ICS field
/// not in the list, a typed code or reference that names nothing.
/// </summary>
public sealed record TopicChoice(List<string> Topics, TopicLookup Lookup, IReadOnlyList<string> Unknown, bool UnknownField, string? UnknownTyped, bool TypedIcs)
{
    public bool HasProblems => Unknown.Count > 0 || UnknownField || UnknownTyped is not null;

    /// <summary>Puts each problem beside its field, so the form comes back with what was typed and why it was refused.</summary>
    public void Report(ModelStateDictionary modelState, IStringLocalizer<ContentText> t, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        if (Unknown.Count > 0)
        {
            modelState.AddModelError(prefix + ".Topics", t["Updates.Topics.Gone", string.Join(", ", Unknown.Select(u => UpdateTopics.IcsOf(u) is { } code ? "ICS " + code : UpdateTopics.CommitteeOf(u) ?? u))]);
        }
        if (UnknownField)
        {
            modelState.AddModelError(prefix + ".AddField", t["Updates.Topics.UnknownField"]);
        }
        if (UnknownTyped is not null)
        {
            modelState.AddModelError(prefix + ".AddCode", t[TypedIcs ? "Updates.Topics.UnknownIcs" : "Updates.Topics.UnknownCommittee", UnknownTyped]);
        }
    }
}
