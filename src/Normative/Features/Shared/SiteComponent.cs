namespace Normative.Features.Shared;

/// <summary>A view component a feature puts in a slot of a shared page; the page passes the slot's arguments.</summary>
public sealed record SiteComponent(string Slot, Type Component, int Order = 0);
