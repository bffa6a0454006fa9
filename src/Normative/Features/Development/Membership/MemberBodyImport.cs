using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Membership;

/// <summary>
/// `normative import members FILE`: member bodies from CSV (a header line naming the columns
/// <see cref="Columns"/>, in any order) or JSON Lines (one object a line with the same names in
/// camelCase). A body whose country is already there is updated (a change of category is kept in
/// its history); a new one is created. Each bad line is reported with its number and nothing is
/// loaded from it; the good lines load together in one transaction.
/// </summary>
public static class MemberBodyImport
{
    public static readonly string[] Columns = ["code", "acronym", "name", "category", "region", "web_site", "address", "contact_email", "contact_phone"];

    public sealed record Result(int Created, int Updated, IReadOnlyList<MemberBodyImportLine> Refused);

    /// <summary>The lines of a CSV file, checked one by one (the file's own duplicates included).</summary>
    public static List<MemberBodyImportLine> ReadCsv(Stream stream)
    {
        var lines = new List<MemberBodyImportLine>();
        Dictionary<string, int>? header = null;
        foreach (var (line, fields, problem) in Csv.Read(stream))
        {
            if (header is null)
            {
                header = fields.Select((f, i) => (Name: f.Trim().ToLowerInvariant(), i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i);
                var missing = Columns.Take(5).Where(c => !header.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                {
                    return [new MemberBodyImportLine(line, null, "Import.Member.Header", [string.Join(", ", missing), string.Join(",", Columns)])];
                }
                continue;
            }
            if (problem is { } reason)
            {
                lines.Add(new MemberBodyImportLine(line, null, "Import.Member.Csv", [Csv.Describe(reason)]));
                continue;
            }
            string? Field(string name) => header.TryGetValue(name, out var i) && i < fields.Count ? fields[i] : null;
            lines.Add(ToLine(line, Field("code"), Field("acronym"), Field("name"), Field("category"), Field("region"), Field("web_site"), Field("address"),
                Field("contact_email"), Field("contact_phone")));
        }
        return lines;
    }

    /// <summary>The lines of a JSON Lines file (blank lines skipped).</summary>
    public static List<MemberBodyImportLine> ReadJsonLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new List<MemberBodyImportLine>();
        var number = 0L;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    lines.Add(new MemberBodyImportLine(number, null, "Import.Member.Json", ["not an object"]));
                    continue;
                }
                string? Field(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                lines.Add(ToLine(number, Field("code"), Field("acronym"), Field("name"), Field("category"), Field("region"), Field("webSite"), Field("address"),
                    Field("contactEmail"), Field("contactPhone")));
            }
            catch (JsonException e)
            {
                lines.Add(new MemberBodyImportLine(number, null, "Import.Member.Json", [e.Message]));
            }
        }
        return lines;
    }

    /// <summary>One line's fields as a checked draft, or its problem.</summary>
    public static MemberBodyImportLine ToLine(long line, string? code, string? acronym, string? name, string? category, string? region,
        string? webSite, string? address, string? email, string? phone)
    {
        if (!Enum.TryParse<MemberCategory>(category?.Trim(), true, out var c) || !Enum.IsDefined(c))
        {
            return new MemberBodyImportLine(line, null, "Error.Member.CategoryValue", [category ?? "", string.Join(", ", Enum.GetNames<MemberCategory>())]);
        }
        if (!Enum.TryParse<Region>(region?.Trim(), true, out var r) || !Enum.IsDefined(r))
        {
            return new MemberBodyImportLine(line, null, "Error.Member.RegionValue", [region ?? "", string.Join(", ", Enum.GetNames<Region>())]);
        }
        var draft = MemberBodyActions.Normalize(new MemberBodyDraft(code ?? "", acronym ?? "", name ?? "", c, r, webSite, address, email, phone));
        return MemberBodyActions.Check(draft) is { } error
            ? new MemberBodyImportLine(line, null, error.Key, error.Args)
            : new MemberBodyImportLine(line, draft);
    }

    /// <summary>Loads the good lines (one query for the bodies there, one transaction); the bad and the conflicting lines are returned.</summary>
    public static async Task<Result> LoadAsync(NormativeDb db, IReadOnlyList<MemberBodyImportLine> lines, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var refused = lines.Where(l => l.Refused).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bodies = await db.MemberBodies.ToListAsync(ct);
        var byCode = bodies.ToDictionary(b => b.CountryCode);
        var acronyms = bodies.ToDictionary(b => b.Acronym.ToUpperInvariant(), b => b.CountryCode);
        var seen = new HashSet<string>();
        var created = new List<MemberBody>();
        var events = new List<(MemberBody Body, MemberBodyEvent Event)>();
        foreach (var line in lines.Where(l => !l.Refused))
        {
            var d = line.Draft!;
            if (!seen.Add(d.CountryCode))
            {
                refused.Add(line with { Draft = null, ProblemKey = "Import.Member.Repeated", ProblemArgs = [d.CountryCode] });
                continue;
            }
            if (acronyms.TryGetValue(d.Acronym.ToUpperInvariant(), out var holder) && holder != d.CountryCode)
            {
                refused.Add(line with { Draft = null, ProblemKey = "Error.Member.AcronymTaken", ProblemArgs = [d.Acronym, holder] });
                continue;
            }
            if (byCode.TryGetValue(d.CountryCode, out var body))
            {
                var from = body.Category;
                acronyms.Remove(body.Acronym.ToUpperInvariant());
                (body.Acronym, body.Name, body.Category, body.Region) = (d.Acronym, d.Name, d.Category, d.Region);
                (body.WebSite, body.Address, body.ContactEmail, body.ContactPhone) = (d.WebSite, d.Address, d.ContactEmail, d.ContactPhone);
                events.Add((body, from == d.Category
                    ? new MemberBodyEvent { Kind = MemberBodyEventKind.Edited, At = now, ByUserId = userId, Note = "import" }
                    : new MemberBodyEvent { Kind = MemberBodyEventKind.CategoryChanged, FromCategory = from, ToCategory = d.Category, At = now, ByUserId = userId, Note = "import" }));
            }
            else
            {
                if (!MemberBodyActions.TryCountry(d.CountryCode, out var code3, out var names))
                {
                    refused.Add(line with { Draft = null, ProblemKey = "Error.Member.Country", ProblemArgs = [d.CountryCode] });
                    continue;
                }
                body = new MemberBody
                {
                    CountryCode = d.CountryCode, CountryCode3 = code3, CountryEn = names[0], CountryFr = names[1], CountryEs = names[2], CountryRu = names[3],
                    Acronym = d.Acronym, Name = d.Name, Category = d.Category, Region = d.Region,
                    WebSite = d.WebSite, Address = d.Address, ContactEmail = d.ContactEmail, ContactPhone = d.ContactPhone,
                };
                db.MemberBodies.Add(body);
                created.Add(body);
                byCode[d.CountryCode] = body;
                events.Add((body, new MemberBodyEvent { Kind = MemberBodyEventKind.Created, ToCategory = d.Category, At = now, ByUserId = userId, Note = "import" }));
            }
            acronyms[d.Acronym.ToUpperInvariant()] = d.CountryCode;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (body, e) in events)
        {
            e.MemberBodyId = body.Id;
            db.MemberBodyEvents.Add(e);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(created.Count, events.Count - created.Count, refused.OrderBy(l => l.Line).ToList());
    }
}
