using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Shared;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The topic part of the sign-up and preferences forms: the ticked topics, an ICS field from the
/// select and an ICS code or committee reference typed in the text field, checked against the catalogue.
/// </summary>
public static class TopicChoices
{
    /// <summary>Longest text the typed field reads: a committee reference is at most 100 characters.</summary>
    public const int MaxTyped = 120;

    public static async Task<TopicChoice> ReadAsync(NormativeDb db, IEnumerable<string>? ticked, string? field, string? typed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chosen = UpdateTopics.Clean(ticked);
        string? fieldTopic = null;
        var unknownField = false;
        if (!string.IsNullOrWhiteSpace(field))
        {
            // The select lists fields only; a group or sub-group goes in the text field.
            fieldTopic = field.Trim() is { Length: 2 } code && IcsRecord.IsCode(code) ? UpdateTopics.ForIcs(code) : null;
            unknownField = fieldTopic is null;
        }
        string? typedText = null;
        string? typedTopic = null;
        var typedIcs = false;
        if (!string.IsNullOrWhiteSpace(typed))
        {
            typedText = Normalize(typed);
            var code = IcsCodeIn(typedText);
            typedIcs = code is not null;
            typedTopic = code is not null ? UpdateTopics.ForIcs(code) : await CommitteeTopicAsync(db, typedText, ct);
        }

        var lookup = await TopicLookup.LoadAsync(db, [.. chosen, .. new[] { fieldTopic, typedTopic }.OfType<string>()], ct);
        if (fieldTopic is not null && !lookup.IsKnown(fieldTopic))
        {
            (fieldTopic, unknownField) = (null, true);
        }
        if (typedTopic is not null && !lookup.IsKnown(typedTopic))
        {
            typedTopic = null;
        }
        var unknownTyped = typedText is not null && typedTopic is null ? typedText : null;
        var unknown = chosen.Where(t => !lookup.IsKnown(t)).ToList();
        var topics = UpdateTopics.Clean([.. chosen.Where(lookup.IsKnown), .. new[] { fieldTopic, typedTopic }.OfType<string>()]);
        return new TopicChoice(topics, lookup, unknown, unknownField, unknownTyped, typedIcs);
    }

    /// <summary>The select's ICS fields and the text field's suggestions, titles in <paramref name="language"/> where the catalogue has them.</summary>
    public static async Task<TopicOptions> OptionsAsync(NormativeDb db, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ics = await db.IcsCodes.AsNoTracking().Where(i => i.Code.Length <= 6).OrderBy(i => i.Code).ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Reference)
            .Select(c => new CommitteeName(c.Slug, c.Reference, c.TitleEn, c.TitleFr)).ToListAsync(ct);
        var fields = ics.Where(i => i.Code.Length == 2).Select(i => (i.Code, i.TitleIn(language))).ToList();
        var suggestions = ics.Where(i => i.Code.Length == 6).Select(i => (i.Code, $"{i.Code} — {i.TitleIn(language)}"))
            // Working groups publish nothing under their own name: committees and subcommittees own the standards.
            .Concat(committees.Where(c => Depth(c.Reference) <= 2).Select(c => (c.Reference, $"{c.Reference} — {c.TitleIn(language)}")))
            .ToList();
        return new TopicOptions(fields, suggestions);
    }

    /// <summary>
    /// The form part for <paramref name="shown"/>'s ICS fields and committees (the subscriber's and the
    /// posted ones, so one unticked before a refused save can be ticked again), ticked as <paramref name="ticked"/>.
    /// </summary>
    public static async Task<TopicFieldsView> ViewAsync(NormativeDb db, string idPrefix, IEnumerable<string> shown, IReadOnlyCollection<string> ticked,
        string? addField, string? addCode, DigestFrequency frequency, string language, IStringLocalizer<ContentText> c, IStringLocalizer<SiteText> site,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ticked);
        var topics = UpdateTopics.Clean(shown).Where(t => !UpdateTopics.IsFixed(t)).ToList();
        var lookup = await TopicLookup.LoadAsync(db, topics, ct);
        var entries = topics.Select(t => new TopicFieldsView.Entry(t, lookup.Name(t, language, c, site), ticked.Contains(t))).ToList();
        return new TopicFieldsView(idPrefix, entries, await OptionsAsync(db, language, ct), addField, addCode, frequency);
    }

    private static int Depth(string reference)
    {
        var depth = 1;
        for (var r = CommitteeReferences.ParentOf(reference); r is not null; r = CommitteeReferences.ParentOf(r))
        {
            depth++;
        }
        return depth;
    }

    private static string Normalize(string typed)
    {
        var text = string.Join(' ', typed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > MaxTyped ? text[..MaxTyped] : text;
    }

    /// <summary>"13.020", "ICS 13.020" or "ics:13.020" give 13.020; anything else null.</summary>
    private static string? IcsCodeIn(string text)
    {
        var code = text;
        if (code.StartsWith("ics", StringComparison.OrdinalIgnoreCase))
        {
            code = code[3..].TrimStart(':', ' ');
        }
        return IcsRecord.IsCode(code) ? code : null;
    }

    /// <summary>The committee whose reference is <paramref name="text"/> (any case), or whose slug it is.</summary>
    private static async Task<string?> CommitteeTopicAsync(NormativeDb db, string text, CancellationToken ct)
    {
        var upper = text.ToUpperInvariant();
        var lower = text.ToLowerInvariant();
        var slug = await db.Committees.AsNoTracking()
            .Where(c => c.Reference.ToUpper() == upper || c.Slug == lower)
            .OrderBy(c => c.Reference == text ? 0 : 1)
            .Select(c => c.Slug)
            .FirstOrDefaultAsync(ct);
        return slug is null ? null : UpdateTopics.ForCommittee(slug);
    }
}
