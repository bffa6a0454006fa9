using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Events;
using Normative.Features.Content.Pages;

namespace Normative.Cli.Demo;

/// <summary>
/// Demo news, insights and events for a generic standards body (no claim to be any real one).
/// One article has all four languages; the others show the English fallback. Safe to run again:
/// an address that exists is left alone.
/// </summary>
public static class ContentDemo
{
    private sealed record DemoArticle(string Slug, ArticleKind Kind, int DaysAgo, bool Featured, string[] Sectors, string[] Standards, string[] Committees,
        (string Language, string Title, string Summary, string Body)[] Versions);

    private static readonly DemoArticle[] Articles =
    [
        new("energy-management-made-measurable", ArticleKind.Insight, 3, true, ["energy", "environment"], ["ISO 50001"], [],
        [
            ("en", "Energy management made measurable", "How an energy management system turns good intentions into numbers a board can follow.",
                "## Why measure\n\nAn organization that **measures** its energy use can improve it. A management system standard gives the method: a baseline, indicators, targets and a review.\n\n- Set a baseline\n- Choose indicators\n- Review every year\n"),
            ("fr", "Mesurer pour mieux gérer l'énergie", "Comment un système de management de l'énergie transforme de bonnes intentions en chiffres.",
                "## Pourquoi mesurer\n\nUne organisation qui **mesure** sa consommation d'énergie peut l'améliorer.\n"),
            ("es", "Gestión de la energía medible", "Cómo un sistema de gestión de la energía convierte las buenas intenciones en cifras.",
                "## Por qué medir\n\nUna organización que **mide** su consumo de energía puede mejorarlo.\n"),
            ("ru", "Энергоменеджмент, который можно измерить", "Как система энергоменеджмента превращает добрые намерения в цифры.",
                "## Зачем измерять\n\nОрганизация, которая **измеряет** потребление энергии, может его сократить.\n"),
        ]),
        new("trust-in-digital-services", ArticleKind.Insight, 12, true, ["it", "security"], ["ISO/IEC 27001"], [],
        [
            ("en", "Trust in digital services starts with information security", "Why customers ask their suppliers for a certified information security management system.",
                "Customers increasingly ask for evidence, not promises. An **information security management system** gives it.\n"),
        ]),
        new("annual-plenary-concludes", ArticleKind.News, 1, false, ["management"], ["ISO 9001"], ["ISO/TC 176"],
        [
            ("en", "Annual plenary concludes with three new work items", "Delegates from member bodies agreed on the programme for the coming year.",
                "The plenary meeting closed with agreement on **three new work items** and a revision of the quality management guidance.\n"),
            ("fr", "La plénière annuelle se conclut par trois nouveaux sujets", "Les délégués des membres ont adopté le programme de l'année à venir.",
                "La réunion plénière s'est achevée sur un accord portant sur **trois nouveaux sujets**.\n"),
        ]),
        new("new-members-welcomed", ArticleKind.News, 20, false, [], [], [],
        [
            ("en", "Two new member bodies welcomed", "The membership grows: two national bodies join as correspondent members.",
                "Two national standards bodies have joined as **correspondent members**.\n"),
        ]),
    ];

    public static async Task<string> LoadAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Articles.Select(a => a.Slug).ToListAsync(ct);
        var added = 0;
        foreach (var demo in Articles.Where(a => !existing.Contains(a.Slug)))
        {
            var at = now.AddDays(-demo.DaysAgo);
            var article = new Article
            {
                Slug = demo.Slug, Kind = demo.Kind, Status = ArticleStatus.Published, PublishAt = at, Featured = demo.Featured,
                Sectors = [.. demo.Sectors], Standards = [.. demo.Standards], Committees = [.. demo.Committees], CreatedAt = at, UpdatedAt = at,
            };
            foreach (var (language, title, summary, body) in demo.Versions)
            {
                article.Versions.Add(new ArticleVersion { Language = language, Title = title, Summary = summary, Body = body, UpdatedAt = at });
            }
            article.Events.Add(new ArticleEvent { At = at, Kind = ArticleEventKind.Created, Note = "demo" });
            article.Events.Add(new ArticleEvent { At = at, Kind = ArticleEventKind.Published, Note = "demo" });
            db.Articles.Add(article);
            added++;
        }

        var events = new[]
        {
            ("plenary-meeting", "Plenary meeting of member bodies", "Geneva", (string?)null, 30, 8, "energy"),
            ("webinar-energy-management", "Webinar: energy management systems in practice", (string?)null, "https://meet.example.org/energy", 7, 2, "energy"),
            ("workshop-information-security", "Workshop on information security", "Madrid", (string?)null, -45, 6, "security"),
        };
        var existingEvents = await db.Events.Select(e => e.Slug).ToListAsync(ct);
        foreach (var (slug, title, place, link, days, hours, sector) in events.Where(e => !existingEvents.Contains(e.Item1)))
        {
            var starts = new DateTimeOffset(now.UtcDateTime.Date.AddDays(days).AddHours(9), TimeSpan.Zero);
            db.Events.Add(new Event
            {
                Slug = slug, Title = title, Description = "An event of the demo data: **" + title + "**.", StartsAt = starts, EndsAt = starts.AddHours(hours),
                Place = place, OnlineUrl = link, Sectors = [sector], CreatedAt = now, UpdatedAt = now,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        // The institutional pages' default texts, so the demo's Editors find them with a history.
        var pages = await PageActions.LoadDefaultsAsync(db, now, ct);
        return $"Content: {Articles.Length} articles and {events.Length} events ({added} new), {pages} page texts loaded.";
    }
}
