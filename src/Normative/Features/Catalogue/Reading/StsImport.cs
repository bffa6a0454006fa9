using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.Provisions;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// Loads one STS file as the text of a deliverable in its language: parsed and rendered first,
/// then written in one transaction (a file that fails leaves nothing behind). The same file again
/// changes nothing; a new release replaces the text loaded before for that language and publisher.
/// </summary>
public static class StsImport
{
    /// <summary>An XML file alone: its graphics show their names.</summary>
    public static Task<StsImportOutcome> ImportAsync(NormativeDb db, string file, byte[] bytes, StsImportOptions options, DateTimeOffset now, CancellationToken ct) =>
        ImportAsync(db, StsPackage.Of(file, bytes), options, now, ct);

    /// <summary>
    /// A text with its graphics: each one the package lacks, or holds in a form browsers do not
    /// show, is a problem of the outcome, and the reader shows its name in its place.
    /// </summary>
    public static async Task<StsImportOutcome> ImportAsync(NormativeDb db, StsPackage package, StsImportOptions options, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(options);
        var file = package.Name;
        var bytes = package.Xml;
        var xml = StsXml.Load(bytes, file);
        var graphics = new List<TextGraphic>();
        var problems = new List<string>();
        foreach (var name in StsParser.GraphicNames(xml))
        {
            var (_, data, type, problem) = package.Graphic(name);
            if (data is null)
            {
                problems.Add(problem!);
                continue;
            }
            graphics.Add(new TextGraphic { Name = Truncate(name, 300)!, ContentType = type!, Size = data.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)), Data = data });
        }
        var doc = StsParser.Parse(xml, file, graphics.ToDictionary(g => g.Name, g => TextGraphicEndpoint.Path(g.Sha256)));
        foreach (var graphic in graphics)
        {
            var src = "\"" + TextGraphicEndpoint.Path(graphic.Sha256) + "\"";
            graphic.Preview = doc.Clauses.Any(c => c.Preview && c.Html.Contains(src, StringComparison.Ordinal));
        }
        var own = doc.Own!;
        // The same XML with other graphics is another text: the digest covers both.
        var sha = Convert.ToHexStringLower(SHA256.HashData(graphics.Count == 0 ? bytes
            : [.. bytes, .. System.Text.Encoding.UTF8.GetBytes(string.Concat(graphics.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => $"\n{g.Name}\t{g.Sha256}")))]));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (deliverable, created) = await DeliverableOfAsync(db, doc, file, options, ct);
        var publisher = Publisher(own);
        var language = doc.Language;
        var existing = await db.StandardTexts
            .Where(t => t.DeliverableId == deliverable.Id && t.Language == language && t.Publisher == publisher)
            .Select(t => new { t.Id, t.SourceSha256, t.ReleaseDate })
            .FirstOrDefaultAsync(ct);
        if (existing is not null && existing.SourceSha256 == sha)
        {
            return new StsImportOutcome(StsImportKind.Unchanged, existing.Id, deliverable.Id, deliverable.Reference, false, language, publisher, doc.Clauses.Count, doc.Terms.Count,
                graphics.Count, problems);
        }
        if (existing?.ReleaseDate is { } loaded && own.ReleaseDate is { } incoming && incoming < loaded)
        {
            throw new StsFormatException(file, own.Line, $"this release ({incoming:yyyy-MM-dd}) is older than the one loaded for {deliverable.Reference} in {language} ({loaded:yyyy-MM-dd}); nothing was changed");
        }

        StandardText text;
        if (existing is null)
        {
            text = new StandardText { Language = language, Publisher = publisher, Reference = "", Title = "", SourceName = "", SourceSha256 = "", SourceXml = "" };
            db.StandardTexts.Add(text);
        }
        else
        {
            await db.TextClauses.Where(c => c.TextId == existing.Id).ExecuteDeleteAsync(ct);
            await db.TextTerms.Where(c => c.TextId == existing.Id).ExecuteDeleteAsync(ct);
            await db.StandardTextTitles.Where(c => c.TextId == existing.Id).ExecuteDeleteAsync(ct);
            await db.TextGraphics.Where(g => g.TextId == existing.Id).ExecuteDeleteAsync(ct);
            text = await db.StandardTexts.SingleAsync(t => t.Id == existing.Id, ct);
        }
        var international = doc.International;
        text.DeliverableId = deliverable.Id;
        text.Level = own.Level;
        text.Reference = Truncate(own.Reference ?? international?.Reference ?? deliverable.Reference, 200)!;
        text.Title = TitleOf(doc, language) ?? deliverable.TitleIn(language).Text;
        text.Edition = own.Edition ?? international?.Edition ?? deliverable.Edition;
        text.Committee = Truncate(own.Committee ?? international?.Committee, 100);
        text.ReleaseDate = own.ReleaseDate ?? international?.ReleaseDate;
        text.ClauseCount = doc.Clauses.Count;
        text.TermCount = doc.Terms.Count;
        text.SourceName = Truncate(Path.GetFileName(file), 300)!;
        text.SourceSha256 = sha;
        // PostgreSQL text cannot hold NUL; XML cannot either, so a parsed file has none.
        text.SourceXml = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        text.ImportedAt = now;
        text.ImportedBy = Truncate(options.By, 450);
        text.AdoptsTextId = own.Level == AdoptionLevel.International
            ? null
            : await db.StandardTexts
                .Where(t => t.DeliverableId == deliverable.Id && t.Language == language && t.Level == AdoptionLevel.International)
                .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        await db.SaveChangesAsync(ct);

        db.StandardTextTitles.AddRange(doc.Metas.OrderByDescending(m => m.Level).SelectMany(m => m.Titles)
            .DistinctBy(t => t.Key)
            .Select(t => new StandardTextTitle { TextId = text.Id, Language = t.Key, Title = t.Value }));
        db.TextClauses.AddRange(doc.Clauses.Select((c, i) => new TextClause
        {
            TextId = text.Id, Ordinal = i, Anchor = c.Anchor, Number = Truncate(c.Number, 50), Title = c.Title, Level = c.Level,
            Kind = c.Kind, Preview = c.Preview, Html = c.Html, PlainText = c.PlainText,
        }));
        db.TextTerms.AddRange(doc.Terms.Select((t, i) => new TextTerm
        {
            TextId = text.Id, Concept = Truncate(t.Concept, 200)!, Number = Truncate(t.Number, 50), ClauseAnchor = t.ClauseAnchor,
            Language = t.Language, Term = t.Term, Status = t.Status, DefinitionHtml = t.DefinitionHtml,
            NotesHtml = [.. t.NotesHtml], ExamplesHtml = [.. t.ExamplesHtml], Source = t.Source, Ordinal = i,
        }));
        foreach (var graphic in graphics)
        {
            graphic.TextId = text.Id;
        }
        db.TextGraphics.AddRange(graphics);
        await db.SaveChangesAsync(ct);
        await ProvisionActions.ComputeAsync(db, text.Id, ct);
        if (own.Level == AdoptionLevel.International)
        {
            // Adoptions loaded before the international text now find it.
            await db.StandardTexts
                .Where(t => t.DeliverableId == deliverable.Id && t.Language == language && t.Level != AdoptionLevel.International && t.AdoptsTextId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.AdoptsTextId, text.Id), ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new StsImportOutcome(existing is null ? StsImportKind.Added : StsImportKind.Replaced, text.Id, deliverable.Id, deliverable.Reference, created,
            language, publisher, doc.Clauses.Count, doc.Terms.Count, graphics.Count, problems);
    }

    private static async Task<(Deliverable, bool Created)> DeliverableOfAsync(NormativeDb db, StsDocument doc, string file, StsImportOptions options, CancellationToken ct)
    {
        if (options.DeliverableId is { } given)
        {
            return (await db.Deliverables.SingleOrDefaultAsync(d => d.Id == given, ct)
                ?? throw new StsFormatException(file, 0, $"there is no deliverable {given}"), false);
        }
        // The international front matter names the catalogue's deliverable; an adoption alone names what it adopts.
        var candidates = doc.Metas.OrderBy(m => m.Level).SelectMany(m => new[] { m.Reference, m.Urn }).Where(r => r is not null).Select(r => r!).Distinct().ToList();
        foreach (var candidate in candidates)
        {
            if (await DeliverableFinder.FindAsync(db, candidate, ct) is { } found)
            {
                return (await db.Deliverables.SingleAsync(d => d.Id == found, ct), false);
            }
        }
        var meta = doc.International ?? doc.Own!;
        if (candidates.Count == 0)
        {
            throw new StsFormatException(file, meta.Line, "the front matter names no identifier (std-ref, doc-ref or urn)");
        }
        if (!options.Create)
        {
            throw new StsNoDeliverableException(file, meta.Line, candidates[0]);
        }
        PublicationIdentifier? parsed = null;
        string? error = null;
        foreach (var candidate in candidates)
        {
            if (PublicationIdentifier.TryParse(candidate, out parsed, out error))
            {
                break;
            }
        }
        if (parsed is null)
        {
            throw new StsFormatException(file, meta.Line, $"cannot make a record for {candidates[0]}: {error}");
        }
        var id = (await db.Database.SqlQuery<long>($"SELECT nextval('deliverable_local_ids') AS \"Value\"").ToListAsync(ct)).Single();
        var titles = doc.Metas.OrderBy(m => m.Level).SelectMany(m => m.Titles).ToList();
        var deliverable = new Deliverable
        {
            Id = (int)id,
            DeliverableType = parsed.Type.ToString(),
            SupplementType = parsed.Supplements.IsEmpty ? null : parsed.Supplements[^1].Kind.ToString(),
            Reference = parsed.ToString(),
            TitleEn = titles.FirstOrDefault(t => t.Key == "en").Value ?? titles.FirstOrDefault().Value ?? parsed.ToString(),
            TitleFr = titles.FirstOrDefault(t => t.Key == "fr").Value,
            Edition = meta.Edition,
            PublicationDate = meta.ReleaseDate,
            OwnerCommittee = Truncate(meta.Committee, 100),
            CurrentStage = 6060,
            Languages = [doc.Language],
        };
        db.Deliverables.Add(deliverable);
        await db.SaveChangesAsync(ct);
        await DeliverableEdits.AddTitleWordsAsync(db, [deliverable.TitleEn, deliverable.TitleFr], ct);
        return (deliverable, true);
    }

    private static string Publisher(StsMeta own)
    {
        var publisher = own.Originator?.Trim().ToUpperInvariant();
        return Truncate(publisher, 40) ?? own.Level switch
        {
            AdoptionLevel.International => "ISO",
            AdoptionLevel.Regional => "REGIONAL",
            _ => "NATIONAL",
        };
    }

    private static string? TitleOf(StsDocument doc, string language) =>
        doc.Metas.OrderByDescending(m => m.Level).Select(m => m.Titles.GetValueOrDefault(language)).FirstOrDefault(t => t is not null)
        ?? doc.Metas.SelectMany(m => m.Titles.Values).FirstOrDefault();

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
