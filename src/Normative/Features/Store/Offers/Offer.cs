namespace Normative.Features.Store.Offers;

/// <summary>What can be bought of a deliverable: a format in a language, at a net price in CHF.</summary>
public sealed record Offer(int DeliverableId, ProductFormat Format, string Language, decimal Price, int? Pages);
