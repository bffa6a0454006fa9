using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Npgsql;

namespace Normative.Features.Development.Membership;

/// <summary>
/// Administrators create, edit, suspend and reinstate member bodies; each change is a
/// <see cref="MemberBodyEvent"/> written in the same transaction. One body per country and per
/// acronym: a second one is a conflict and nothing is changed.
/// </summary>
public static class MemberBodyActions
{
    private static readonly string[] Languages = ["en", "fr", "es", "ru"];

    /// <summary>Null when the draft is well formed, else the first problem (the country code is normalised by the caller's use of <see cref="Normalize"/>).</summary>
    public static DevelopmentError? Check(MemberBodyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!CountryCodes.All.Contains(draft.CountryCode))
        {
            return DevelopmentError.Invalid("Error.Member.Country", draft.CountryCode);
        }
        if (string.IsNullOrWhiteSpace(draft.Acronym) || draft.Acronym.Length > 30)
        {
            return DevelopmentError.Invalid("Error.Member.Acronym");
        }
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 300)
        {
            return DevelopmentError.Invalid("Error.Member.Name");
        }
        if (!Enum.IsDefined(draft.Category) || !Enum.IsDefined(draft.Region))
        {
            return DevelopmentError.Invalid("Error.Member.Category");
        }
        if (draft.WebSite is { } site && (site.Length > 300 || !Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return DevelopmentError.Invalid("Error.Member.WebSite", site);
        }
        // The same check as the pages' [EmailAddress] (data annotations), so the API and the pages agree.
        if (draft.ContactEmail is { } email && (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)))
        {
            return DevelopmentError.Invalid("Error.Member.Email", email);
        }
        if (draft.Address?.Length > 1000 || draft.ContactPhone?.Length > 50)
        {
            return DevelopmentError.Invalid("Error.Member.TooLong");
        }
        return null;
    }

    /// <summary>The draft trimmed, the country code upper-cased, empty optional fields as null.</summary>
    public static MemberBodyDraft Normalize(MemberBodyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return draft with
        {
            CountryCode = (draft.CountryCode ?? "").Trim().ToUpperInvariant(),
            Acronym = (draft.Acronym ?? "").Trim(),
            Name = (draft.Name ?? "").Trim(),
            WebSite = Optional(draft.WebSite),
            Address = Optional(draft.Address)?.ReplaceLineEndings("\n"),
            ContactEmail = Optional(draft.ContactEmail),
            ContactPhone = Optional(draft.ContactPhone),
        };
    }

    public static async Task<Attempt<MemberBody>> CreateAsync(NormativeDb db, MemberBodyDraft draft, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        draft = Normalize(draft);
        if (Check(draft) is { } invalid)
        {
            return invalid;
        }
        if (!TryCountry(draft.CountryCode, out var code3, out var names))
        {
            return DevelopmentError.Invalid("Error.Member.Country", draft.CountryCode);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await ConflictAsync(db, draft, null, ct) is { } conflict)
        {
            return conflict;
        }
        var body = new MemberBody
        {
            CountryCode = draft.CountryCode, CountryCode3 = code3,
            CountryEn = names[0], CountryFr = names[1], CountryEs = names[2], CountryRu = names[3],
            Acronym = draft.Acronym, Name = draft.Name, Category = draft.Category, Region = draft.Region,
        };
        Apply(body, draft);
        db.MemberBodies.Add(body);
        if (await SaveAsync(db, draft, ct) is { } raced)
        {
            return raced;
        }
        db.MemberBodyEvents.Add(new MemberBodyEvent { MemberBodyId = body.Id, Kind = MemberBodyEventKind.Created, ToCategory = body.Category, At = now, ByUserId = userId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return body;
    }

    /// <summary>Edits a body (found by its current country code); a change of category is its own event, with the note.</summary>
    public static async Task<Attempt<MemberBody>> UpdateAsync(NormativeDb db, string code, MemberBodyDraft draft, string? note, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        draft = Normalize(draft);
        if (Check(draft) is { } invalid)
        {
            return invalid;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var body = await FindForUpdateAsync(db, code, ct);
        if (body is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        // The country is what the body is: a body for another country is a new body.
        if (draft.CountryCode != body.CountryCode)
        {
            return DevelopmentError.Conflict("Error.Member.CountryFixed", body.Acronym, body.CountryCode);
        }
        if (await ConflictAsync(db, draft, body.Id, ct) is { } conflict)
        {
            return conflict;
        }
        var from = body.Category;
        body.Acronym = draft.Acronym;
        body.Name = draft.Name;
        body.Category = draft.Category;
        body.Region = draft.Region;
        Apply(body, draft);
        var cleanNote = Clean(note);
        db.MemberBodyEvents.Add(from == draft.Category
            ? new MemberBodyEvent { MemberBodyId = body.Id, Kind = MemberBodyEventKind.Edited, At = now, ByUserId = userId, Note = cleanNote }
            : new MemberBodyEvent { MemberBodyId = body.Id, Kind = MemberBodyEventKind.CategoryChanged, FromCategory = from, ToCategory = draft.Category, At = now, ByUserId = userId, Note = cleanNote });
        if (await SaveAsync(db, draft, ct) is { } raced)
        {
            return raced;
        }
        await tx.CommitAsync(ct);
        return body;
    }

    /// <summary>Suspends (<paramref name="suspend"/>) or reinstates a body, with the reason.</summary>
    public static async Task<Attempt<MemberBody>> SuspendAsync(NormativeDb db, string code, bool suspend, string? note, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return DevelopmentError.Invalid("Error.Member.Reason");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var body = await FindForUpdateAsync(db, code, ct);
        if (body is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (body.Suspended == suspend)
        {
            return DevelopmentError.Conflict(suspend ? "Error.Member.AlreadySuspended" : "Error.Member.NotSuspended", body.Acronym);
        }
        body.SuspendedAt = suspend ? now : null;
        db.MemberBodyEvents.Add(new MemberBodyEvent
        {
            MemberBodyId = body.Id, Kind = suspend ? MemberBodyEventKind.Suspended : MemberBodyEventKind.Reinstated, At = now, ByUserId = userId, Note = Clean(note),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return body;
    }

    /// <summary>The ISO 3166-1 alpha-3 code and the country's name in English, French, Spanish and Russian.</summary>
    public static bool TryCountry(string code, out string code3, out string[] names)
    {
        names = [];
        code3 = "";
        try
        {
            code3 = new RegionInfo(code).ThreeLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return false;
        }
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            names = Languages.Select(language =>
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                return CountryCodes.Name(code);
            }).ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
        return code3.Length == 3;
    }

    private static void Apply(MemberBody body, MemberBodyDraft draft)
    {
        body.WebSite = draft.WebSite;
        body.Address = draft.Address;
        body.ContactEmail = draft.ContactEmail;
        body.ContactPhone = draft.ContactPhone;
    }

    private static async Task<DevelopmentError?> ConflictAsync(NormativeDb db, MemberBodyDraft draft, int? self, CancellationToken ct)
    {
        var acronym = draft.Acronym.ToUpperInvariant();
        var clash = await db.MemberBodies.AsNoTracking()
            .Where(m => m.Id != self && (m.CountryCode == draft.CountryCode || m.Acronym.ToUpper() == acronym))
            .Select(m => new { m.CountryCode, m.Acronym }).FirstOrDefaultAsync(ct);
        return clash is null ? null
            : clash.CountryCode == draft.CountryCode ? DevelopmentError.Conflict("Error.Member.CountryTaken", draft.CountryCode, clash.Acronym)
            : DevelopmentError.Conflict("Error.Member.AcronymTaken", draft.Acronym, clash.CountryCode);
    }

    /// <summary>Saves; a unique index that another request won meanwhile is the same conflict as the check.</summary>
    private static async Task<DevelopmentError?> SaveAsync(NormativeDb db, MemberBodyDraft draft, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return DevelopmentError.Conflict("Error.Member.CountryTaken", draft.CountryCode, draft.Acronym);
        }
    }

    private static async Task<MemberBody?> FindForUpdateAsync(NormativeDb db, string code, CancellationToken ct)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        var body = (await db.MemberBodies.FromSql($"SELECT * FROM member_bodies WHERE country_code = {c} OR upper(acronym) = {c} FOR UPDATE").ToListAsync(ct)).FirstOrDefault();
        return body;
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(2000, note.Trim().Length)];
}
