using System.Collections.Frozen;

namespace Normative.Features.Content.Pages;

/// <summary>The fixed set of institutional pages: their addresses and the group each is listed in, in the footer's order.</summary>
public static class InstitutionalPages
{
    public sealed record Entry(PageKey Key, string Slug, PageGroup Group);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(PageKey.About, "about", PageGroup.About),
        new(PageKey.WhatWeDo, "what-we-do", PageGroup.About),
        new(PageKey.Structure, "structure", PageGroup.About),
        new(PageKey.Strategy, "strategy", PageGroup.About),
        new(PageKey.Members, "members", PageGroup.About),
        new(PageKey.WhoDevelopsStandards, "who-develops-standards", PageGroup.About),
        new(PageKey.Deliverables, "deliverables", PageGroup.About),
        new(PageKey.Benefits, "benefits", PageGroup.About),
        new(PageKey.ConformityAssessment, "conformity-assessment", PageGroup.About),
        new(PageKey.GetInvolved, "get-involved", PageGroup.WorkingWithUs),
        new(PageKey.MediaKit, "media-kit", PageGroup.WorkingWithUs),
        new(PageKey.NameAndLogo, "name-and-logo", PageGroup.WorkingWithUs),
        new(PageKey.Jobs, "jobs", PageGroup.WorkingWithUs),
        new(PageKey.Faq, "faq", PageGroup.WorkingWithUs),
        new(PageKey.Contact, "contact", PageGroup.WorkingWithUs),
        new(PageKey.Accessibility, "accessibility", PageGroup.Legal),
        new(PageKey.Privacy, "privacy", PageGroup.Legal),
        new(PageKey.Cookies, "cookies", PageGroup.Legal),
        new(PageKey.Copyright, "copyright", PageGroup.Legal),
    ];

    private static readonly FrozenDictionary<string, Entry> BySlug = All.ToFrozenDictionary(e => e.Slug, StringComparer.Ordinal);

    public static string Slug(PageKey key) => All[(int)key].Slug;

    public static Entry? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var entry) ? entry : null;

    /// <summary>Pages served at /{slug} by the content feature; the members text is shown at the member directory's own page.</summary>
    public static bool HasOwnAddress(Entry entry) => entry.Key != PageKey.Members;
}
