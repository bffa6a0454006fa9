using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>Loads the ICS codes and the sample deliverables shipped in DemoData/ (idempotent).</summary>
public static class CatalogueDemo
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(int Ics, int Deliverables)> LoadAsync(NormativeDb db, CancellationToken ct)
    {
        var ics = ReadLines<IcsLine>("ics-ed7.jsonl");
        var known = await db.IcsCodes.ToDictionaryAsync(i => i.Code, ct);
        foreach (var line in ics)
        {
            if (!known.TryGetValue(line.Code, out var code))
            {
                code = new IcsCode { Code = line.Code, Title = line.Title };
                db.IcsCodes.Add(code);
            }
            code.Parent = line.Parent;
            code.Title = line.Title;
            code.Notes = line.Notes ?? [];
        }

        var deliverables = ReadLines<DeliverableLine>("sample-deliverables.jsonl");
        var existing = await db.Deliverables.ToDictionaryAsync(d => d.Id, ct);
        foreach (var line in deliverables)
        {
            if (!existing.TryGetValue(line.Id, out var d))
            {
                d = new Deliverable { Id = line.Id, DeliverableType = line.DeliverableType, Reference = line.Reference, TitleEn = line.Title.En };
                db.Deliverables.Add(d);
            }
            d.DeliverableType = line.DeliverableType;
            d.SupplementType = line.SupplementType;
            d.Reference = line.Reference;
            d.TitleEn = line.Title.En;
            d.TitleFr = line.Title.Fr;
            d.PublicationDate = line.PublicationDate;
            d.Edition = line.Edition;
            d.IcsCodes = line.IcsCode ?? [];
            d.OwnerCommittee = line.OwnerCommittee;
            d.CurrentStage = line.CurrentStage;
            d.Replaces = line.Replaces ?? [];
            d.ReplacedBy = line.ReplacedBy ?? [];
            d.Languages = line.Languages ?? [];
            d.PagesEn = line.Pages?.En;
            d.PagesFr = line.Pages?.Fr;
            d.ScopeEn = line.Scope?.En;
            d.ScopeFr = line.Scope?.Fr;
        }
        await db.SaveChangesAsync(ct);
        return (ics.Count, deliverables.Count);
    }

    private static List<T> ReadLines<T>(string file)
    {
        using var stream = typeof(CatalogueDemo).Assembly.GetManifestResourceStream("Normative.Features.Catalogue.DemoData." + file)
            ?? throw new InvalidOperationException($"The demo file {file} is not embedded.");
        using var reader = new StreamReader(stream);
        var list = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                list.Add(JsonSerializer.Deserialize<T>(line, Json)!);
            }
        }
        return list;
    }

    private sealed record IcsLine(string Code, string? Parent, string Title, List<string>? Notes);

    private sealed record Texts(string En, string? Fr);

    private sealed record Pages(int? En, int? Fr);

    private sealed record DeliverableLine(
        int Id, string DeliverableType, string? SupplementType, string Reference, Texts Title,
        DateOnly? PublicationDate, int? Edition, [property: JsonPropertyName("icsCode")] List<string>? IcsCode,
        string? OwnerCommittee, int CurrentStage, List<int>? Replaces, List<int>? ReplacedBy,
        List<string>? Languages, Pages? Pages, Texts? Scope);
}
