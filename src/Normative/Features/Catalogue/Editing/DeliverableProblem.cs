namespace Normative.Features.Catalogue.Editing;

/// <summary>What is wrong with one field of a deliverable: the field's open-data name, and a text key of CatalogueText with its arguments, so each page says it in its own language.</summary>
public sealed record DeliverableProblem(string Field, string Key, params object[] Args);
