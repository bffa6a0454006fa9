namespace Normative.Features.Content.Updates;

/// <summary>The topic check boxes of a form: an id prefix (two forms can share a page), the ticked topics, and whether the sectors are listed.</summary>
public sealed record TopicsView(string IdPrefix, IReadOnlyList<string> Chosen, bool AllSectors);
