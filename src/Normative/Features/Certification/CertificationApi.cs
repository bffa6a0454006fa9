using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Verification;
using Normative.Features.Shared;
using Normative.Web;
using Npgsql;

namespace Normative.Features.Certification;

/// <summary>
/// /api/v1/certificates: free public verification and search (rate limited per client when
/// anonymous), signed receipts, and the certification bodies' writes with a personal API token.
/// The handlers bind, call the registry's operations (VerificationSql for the public reads) and map
/// the answers; the rules live with the operations.
/// </summary>
public static class CertificationApi
{
    public const int MaxBatch = 10_000;

    public sealed record VerificationResponse(string Number, string? CertificationBody, DateTimeOffset CheckedAt, bool Found, string Message, IReadOnlyList<CertificateResponse> Certificates);

    public sealed record CertificateResponse(
        long Id, string Number, string Url, string CertificationBody, string CertificationBodyName, string CertificationBodyCountry,
        OrganizationResponse Organization, IReadOnlyList<string> Standards, string Scope, IReadOnlyList<int> IafSectors,
        IReadOnlyList<CertificateSite> Sites, DateOnly InitialIssueDate, DateOnly IssueDate, DateOnly ExpiryDate,
        string Status, string? StatusReason, bool ValidToday, IReadOnlyList<string> Problems,
        IReadOnlyList<AccreditationResponse> Accreditations, IReadOnlyList<HistoryResponse> History, IReadOnlyList<AuditResponse> Audits,
        DateTimeOffset RegisteredAt);

    public sealed record OrganizationResponse(string Name, string Country, string? Address, string? CompanyNumber);

    public sealed record AccreditationResponse(string Standard, string AccreditationBody, string AccreditationBodyName, string AccreditationBodyCountry,
        bool IafMlaSignatory, string Status, DateOnly ValidFrom, DateOnly ValidTo, bool CoversToday);

    public sealed record HistoryResponse(DateTimeOffset At, string Kind, string? From, string To, string? Note, string By);

    public sealed record AuditResponse(string Kind, DateOnly StartDate, DateOnly? EndDate, string? Note);

    public sealed record SearchResponse(int Page, int PageSize, bool HasMore, IReadOnlyList<SummaryResponse> Items);

    public sealed record SummaryResponse(long Id, string Number, string Url, string CertificationBody, string Organization, string Country,
        IReadOnlyList<string> Standards, string Status, DateOnly ExpiryDate, bool ValidToday);

    public sealed record ReceiptCheckResponse(bool Valid, string Message);

    public sealed record BatchRequest(bool AllOrNothing, IReadOnlyList<CertificateItem>? Certificates);

    public sealed record CertificateItem(
        string? Number, string? CertificationBody, OrganizationItem? Organization, IReadOnlyList<string>? Standards, string? Scope,
        IReadOnlyList<int>? IafSectors, IReadOnlyList<SiteItem>? Sites, string? InitialIssueDate, string? IssueDate, string? ExpiryDate,
        string? Status, string? StatusReason);

    public sealed record OrganizationItem(string? Name, string? Country, string? Address, string? CompanyNumber);

    public sealed record SiteItem(string? Address, string? Country);

    public sealed record UploadResponse(long UploadId, int TotalRows, int Inserted, int Updated, int Unchanged, int Rejected, bool Loaded,
        string Summary, IReadOnlyList<RowProblemResponse> RejectedRows);

    public sealed record RowProblemResponse(int Line, string? Number, string Code, string Message);

    public sealed record StatusRequest(string? Number, string? Status, string? Reason);

    public sealed record AuditRequest(string? Number, string? Kind, DateOnly? StartDate, DateOnly? EndDate, string? Note);

    public static IEndpointRouteBuilder MapCertificationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/certificates").WithTags("Certificates");
        // The free, anonymous reads share one rate limit; the writes below need a certification body's token.
        var open = group.MapGroup("").RequireRateLimiting(CertificationFeature.SearchPolicy);
        // The public reads may be answered by the read replica (the receipt may create the signing key, so not it).
        open.MapGet("/verify", VerifyAsync).ReadFromReplica()
            .WithName("VerifyCertificate")
            .WithSummary("Verify a certificate by its exact number (and certification body code): is it valid today? Free, no account.");
        open.MapGet("/verify/receipt", ReceiptAsync)
            .WithName("VerificationReceipt")
            .WithSummary($"The same verification as a receipt signed with ECDSA P-256 (key at {CertificationLinks.ReceiptKey}).");
        open.MapPost("/receipts/check", CheckReceiptAsync)
            .WithName("CheckReceipt")
            .WithSummary("Check that a receipt is unchanged and signed by this registry.");
        open.MapGet("/", SearchAsync).ReadFromReplica()
            .WithName("SearchCertificates")
            .WithSummary("Search by organization name (typo tolerant), country, standard, certification body or number. Paginated.");
        open.MapGet("/{id:long}", GetAsync).ReadFromReplica()
            .WithName("GetCertificate")
            .WithSummary("One certificate with its validity today, history, audits and the CB's accreditations.");

        group.MapPut("/", BatchAsync)
            .RequireAuthorization(CertificationFeature.BodyPolicy)
            .WithName("UpsertCertificates")
            .WithSummary($"Create or update up to {MaxBatch} certificates of your certification body, by number.")
            .WithBodyExample("""{"allOrNothing": true, "certificates": [{"number": "CH-0001234", "organization": {"name": "Demo Precision Instruments SA", "country": "CH"}, "standards": ["ISO 9001:2015"], "scope": "Design and manufacture of measuring instruments", "iafSectors": [19], "issueDate": "2026-03-01", "expiryDate": "2029-02-28", "status": "Valid"}]}""");
        group.MapPost("/csv", CsvAsync)
            .RequireAuthorization(CertificationFeature.BodyPolicy)
            .Accepts<string>("text/csv")
            .WithName("UploadCertificatesCsv")
            .WithSummary("Upload a CSV file (the same format as the upload page) for your certification body.");
        group.MapPost("/status", ChangeStatusAsync)
            .RequireAuthorization(CertificationFeature.BodyPolicy)
            .WithName("ChangeCertificateStatus")
            .WithSummary("Change the status of one of your certificates, with a reason.");
        group.MapPost("/audits", AddAuditAsync)
            .RequireAuthorization(CertificationFeature.BodyPolicy)
            .WithName("RecordAudit")
            .WithSummary("Record an audit (Stage1, Stage2, Surveillance, Recertification) of one of your certificates.");
        return app;
    }

    private static ProblemHttpResult? CheckQuery(string? number, string? cb, IStringLocalizer<CertificationText> t)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return TypedResults.Problem(t["Verify.Error.Empty"], statusCode: StatusCodes.Status400BadRequest, title: t["Search.Error.Title"]);
        }
        if (number.Length > CertificateSearch.MaxLength || cb?.Length > CertificateSearch.MaxLength)
        {
            return TypedResults.Problem(t["Search.Error.TooLong", CertificateSearch.MaxLength], statusCode: StatusCodes.Status400BadRequest, title: t["Search.Error.Title"]);
        }
        return null;
    }

    private static async Task<Results<Ok<VerificationResponse>, ProblemHttpResult>> VerifyAsync(
        string? number, string? cb, ReadRoute read, VerificationCache answers, HttpContext context, IStringLocalizer<CertificationText> t, TimeProvider clock, CancellationToken ct)
    {
        if (CheckQuery(number, cb, t) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        var found = await answers.VerifyAsync(read, number!, cb, CertificateRules.Today(now), ct);
        var message = found.Count == 0 ? t["Verify.NotFound"].Value
            : found.Count == 1 ? t[found[0].Validity.IsValid ? "Verify.Valid" : "Verify.NotValid"].Value
            : t["Verify.Several", found.Count].Value;
        return TypedResults.Ok(new VerificationResponse(number!.Trim(), cb?.Trim(), now, found.Count > 0, message,
            found.Select(c => ToResponse(c, context)).ToList()));
    }

    private static async Task<Results<Ok<SignedReceipt>, ProblemHttpResult>> ReceiptAsync(
        string? number, string? cb, NpgsqlDataSource dataSource, NormativeDb db, IMemoryCache cache, HttpContext context, IStringLocalizer<CertificationText> t,
        TimeProvider clock, CancellationToken ct)
    {
        if (CheckQuery(number, cb, t) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        var found = await VerificationSql.VerifyAsync(dataSource, number!, cb, CertificateRules.Today(now), ct: ct);
        var key = await ReceiptSigner.KeyAsync(db, cache, clock, ct);
        var receipt = VerificationReceipts.Sign(number!.Trim(), string.IsNullOrWhiteSpace(cb) ? null : cb.Trim(), found, now, key, path => SiteLinks.Absolute(context, path));
        context.Response.Headers.ContentDisposition = "inline; filename=\"verification-receipt.json\"";
        return TypedResults.Ok(receipt);
    }

    private static async Task<Results<Ok<ReceiptCheckResponse>, ProblemHttpResult>> CheckReceiptAsync(
        SignedReceipt? receipt, NormativeDb db, IMemoryCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (receipt is null || string.IsNullOrEmpty(receipt.Payload) || string.IsNullOrEmpty(receipt.Signature))
        {
            return TypedResults.Problem("A receipt has a payload and a signature.", statusCode: StatusCodes.Status400BadRequest);
        }
        var (valid, message) = VerificationReceipts.Check(receipt, await ReceiptSigner.KeyAsync(db, cache, clock, ct));
        return TypedResults.Ok(new ReceiptCheckResponse(valid, message));
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string? organization, string? country, string? standard, string? cb, string? number, int? page,
        ReadRoute read, IOptions<CertificationOptions> options, HttpContext context, IStringLocalizer<CertificationText> t, TimeProvider clock, CancellationToken ct)
    {
        var search = new CertificateSearch(organization, country, standard, cb, number);
        if (search.Check() is { } error)
        {
            return TypedResults.Problem(t[error, CertificateSearch.MaxLength], statusCode: StatusCodes.Status400BadRequest, title: t["Search.Error.Title"]);
        }
        if (page is < 1 or > CertificateSearch.MaxPage)
        {
            return TypedResults.Problem(t["Search.Error.Page", CertificateSearch.MaxPage], statusCode: StatusCodes.Status400BadRequest, title: t["Search.Error.Title"]);
        }
        var p = page ?? 1;
        var (items, hasMore, tooCommon) = await read.ReadAsync(ds => VerificationSql.SearchAsync(ds, search, p, options.Value.Search.MaxWordReach, CertificateRules.Today(clock.GetUtcNow()), read.PrepareStatements, ct));
        if (tooCommon)
        {
            return TypedResults.Problem(t["Search.Error.TooCommon"], statusCode: StatusCodes.Status400BadRequest, title: t["Search.Error.Title"]);
        }
        return TypedResults.Ok(new SearchResponse(p, CertificateSearch.PageSize, hasMore, items.Select(i => new SummaryResponse(
            i.Id, i.Number, SiteLinks.Absolute(context, CertificationLinks.Certificate(i.Id)), i.CertificationBodyCode, i.Organization, i.Country,
            i.Standards, i.Status.ToString(), i.ExpiryDate, i.Validity.IsValid)).ToList()));
    }

    private static async Task<Results<Ok<CertificateResponse>, NotFound>> GetAsync(long id, ReadRoute read, HttpContext context, TimeProvider clock, CancellationToken ct) =>
        await read.ReadAsync(ds => VerificationSql.GetAsync(ds, id, CertificateRules.Today(clock.GetUtcNow()), read.PrepareStatements, ct)) is { } view ? TypedResults.Ok(ToResponse(view, context)) : TypedResults.NotFound();

    private static CertificateResponse ToResponse(CertificateView c, HttpContext context) => new(
        c.Id, c.Number, SiteLinks.Absolute(context, CertificationLinks.Certificate(c.Id)),
        c.CertificationBody.Code, c.CertificationBody.Name, c.CertificationBody.Country,
        new OrganizationResponse(c.Organization.Name, c.Organization.Country, c.Organization.Address, c.Organization.CompanyNumber),
        c.Standards, c.Scope, c.IafSectors, c.Sites, c.InitialIssueDate, c.IssueDate, c.ExpiryDate, c.Status.ToString(), c.StatusReason,
        c.Validity.IsValid, c.Validity.Problems.Select(VerificationReceipts.Describe).ToList(),
        c.Accreditations.Select(a => new AccreditationResponse(a.Standard, a.AccreditationBodyCode, a.AccreditationBodyName, a.AccreditationBodyCountry,
            a.IafMlaSignatory, a.Status.ToString(), a.ValidFrom, a.ValidTo, a.CoversToday(c.CheckedOn))).ToList(),
        c.History.Select(h => new HistoryResponse(h.At, h.Kind.ToString(), h.From?.ToString(), h.To.ToString(), h.Note, h.ByRegistry ? "registry" : "certification body")).ToList(),
        c.Audits.Select(a => new AuditResponse(a.Kind.ToString(), a.StartDate, a.EndDate, a.Note)).ToList(),
        c.RegisteredAt);

    private static ProblemHttpResult NotLinked(IStringLocalizer<CertificationText> t) =>
        TypedResults.Problem(t["Body.NotLinked"], statusCode: StatusCodes.Status403Forbidden, title: t["Body.NotLinked.Title"]);

    private static async Task<Results<Ok<UploadResponse>, UnprocessableEntity<UploadResponse>, ProblemHttpResult>> BatchAsync(
        BatchRequest request, HttpContext context, NormativeDb db, IStringLocalizer<CertificationText> t, TimeProvider clock, CancellationToken ct)
    {
        var body = await RegistryActions.BodyOfAsync(db, context.User, ct);
        if (body is null)
        {
            return NotLinked(t);
        }
        var items = request.Certificates ?? [];
        if (items.Count == 0)
        {
            return TypedResults.Problem(t["Import.Empty"], statusCode: StatusCodes.Status400BadRequest, title: t["Upload.Error.Title"]);
        }
        if (items.Count > MaxBatch)
        {
            return TypedResults.Problem(t["Import.TooManyRows", MaxBatch.ToString("N0", CultureInfo.CurrentCulture)], statusCode: StatusCodes.Status413PayloadTooLarge, title: t["Upload.Error.Title"]);
        }
        var rows = items.Select((item, i) => new ImportItem(i + 1, new CertificateInput
        {
            Number = item.Number ?? "",
            CertificationBody = item.CertificationBody ?? body.Code,
            Organization = item.Organization?.Name ?? "",
            Country = item.Organization?.Country ?? "",
            OrganizationAddress = item.Organization?.Address,
            CompanyNumber = item.Organization?.CompanyNumber,
            Standards = item.Standards ?? [],
            Scope = item.Scope ?? "",
            IafSectors = item.IafSectors ?? [],
            Sites = (item.Sites ?? []).Select(s => new SiteInput(s.Address, s.Country, $"{s.Address}|{s.Country}")).ToList(),
            InitialIssueDate = item.InitialIssueDate ?? "",
            IssueDate = item.IssueDate ?? "",
            ExpiryDate = item.ExpiryDate ?? "",
            Status = item.Status ?? "",
            StatusReason = item.StatusReason,
        }));
        var result = await CertificateImport.RunAsync(db, rows, Options(context, body, "json", null, request.AllOrNothing), clock.GetUtcNow(), ct);
        return Answer(result, t);
    }

    private static async Task<Results<Ok<UploadResponse>, UnprocessableEntity<UploadResponse>, ProblemHttpResult>> CsvAsync(
        HttpContext context, NormativeDb db, IOptions<CertificationOptions> options, IStringLocalizer<CertificationText> t, TimeProvider clock,
        bool? allOrNothing, string? fileName, CancellationToken ct)
    {
        var body = await RegistryActions.BodyOfAsync(db, context.User, ct);
        if (body is null)
        {
            return NotLinked(t);
        }
        var max = options.Value.MaxUploadBytes;
        var tooLarge = TypedResults.Problem(t["Import.TooLarge", max / (1024 * 1024)], statusCode: StatusCodes.Status413PayloadTooLarge, title: t["Upload.Error.Title"]);
        if (context.Request.ContentLength > max)
        {
            return tooLarge;
        }
        await using var spool = await UploadSpool.SaveAsync(context.Request.Body, max, ct);
        if (spool is null)
        {
            return tooLarge;
        }
        await using var stream = spool.OpenRead();
        var result = await CertificateImport.RunCsvAsync(db, stream, Options(context, body, "api", fileName, allOrNothing == true), clock.GetUtcNow(), CertificateImport.MaxRowsPerUpload, ct);
        return Answer(result, t);
    }

    private static ImportOptions Options(HttpContext context, CertificationBody body, string source, string? fileName, bool allOrNothing) => new()
    {
        Source = source,
        Actor = context.User.Email() ?? "certification body",
        UserId = context.User.UserId(),
        OnlyBodyId = body.Id,
        FileName = fileName,
        AllOrNothing = allOrNothing,
    };

    private static Results<Ok<UploadResponse>, UnprocessableEntity<UploadResponse>, ProblemHttpResult> Answer(ImportResult result, IStringLocalizer<CertificationText> t)
    {
        if (result.FileProblem is { } file)
        {
            var problem = TypedResults.Problem(ImportMessages.Describe(t, file), statusCode: StatusCodes.Status400BadRequest, title: t["Upload.Error.Title"],
                extensions: new Dictionary<string, object?> { ["code"] = file.Code, ["line"] = file.Line });
            return problem;
        }
        var response = new UploadResponse(result.UploadId, result.TotalRows, result.Inserted, result.Updated, result.Unchanged, result.Rejected, result.Loaded,
            ImportMessages.Summary(t, result),
            result.Problems.Select(p => new RowProblemResponse(p.Line, p.Number, p.Code, ImportMessages.Describe(t, p))).ToList());
        return result.Loaded ? TypedResults.Ok(response) : TypedResults.UnprocessableEntity(response);
    }

    private static async Task<Results<Ok<CertificateResponse>, NotFound<ProblemDetails>, ProblemHttpResult>> ChangeStatusAsync(
        StatusRequest request, HttpContext context, NormativeDb db, NpgsqlDataSource dataSource, IStringLocalizer<CertificationText> t, TimeProvider clock, CancellationToken ct)
    {
        var body = await RegistryActions.BodyOfAsync(db, context.User, ct);
        if (body is null)
        {
            return NotLinked(t);
        }
        if (string.IsNullOrWhiteSpace(request.Number) || !Enum.TryParse<CertificateStatus>(request.Status, ignoreCase: true, out var to) || int.TryParse(request.Status, out _))
        {
            return TypedResults.Problem(t["Status.Error.Input"], statusCode: StatusCodes.Status400BadRequest, title: t["Status.Error.Title"]);
        }
        var now = clock.GetUtcNow();
        var (outcome, certificate) = await CertificateStatusChange.ApplyAsync(db, body.Id, request.Number, to, request.Reason, context.User.Email() ?? "certification body", now, ct);
        switch (outcome)
        {
            case StatusChangeOutcome.NotFound:
                return TypedResults.NotFound(new ProblemDetails { Title = t["Status.Error.Title"], Detail = t["Status.Error.NotFound", request.Number.Trim(), body.Code], Status = 404 });
            case StatusChangeOutcome.NotAllowed:
                return TypedResults.Problem(t["Import.Transition", certificate!.Status, to], statusCode: StatusCodes.Status409Conflict, title: t["Status.Error.Title"]);
            case StatusChangeOutcome.ReasonRequired:
                return TypedResults.Problem(t["Status.Error.Reason"], statusCode: StatusCodes.Status400BadRequest, title: t["Status.Error.Title"]);
            case StatusChangeOutcome.PastExpiry:
                return TypedResults.Problem(t["Status.Error.PastExpiry"], statusCode: StatusCodes.Status409Conflict, title: t["Status.Error.Title"]);
            default:
                return TypedResults.Ok(ToResponse((await VerificationSql.GetAsync(dataSource, certificate!.Id, CertificateRules.Today(now), ct: ct))!, context));
        }
    }

    private static async Task<Results<Created<AuditResponse>, NotFound<ProblemDetails>, ProblemHttpResult>> AddAuditAsync(
        AuditRequest request, HttpContext context, NormativeDb db, IStringLocalizer<CertificationText> t, TimeProvider clock, CancellationToken ct)
    {
        var body = await RegistryActions.BodyOfAsync(db, context.User, ct);
        if (body is null)
        {
            return NotLinked(t);
        }
        if (string.IsNullOrWhiteSpace(request.Number) || !Enum.TryParse<AuditKind>(request.Kind, ignoreCase: true, out var kind) || int.TryParse(request.Kind, out _)
            || request.StartDate is null || request.EndDate < request.StartDate || request.Note?.Length > CertificateValidator.MaxReason)
        {
            return TypedResults.Problem(t["Audit.Error.Input"], statusCode: StatusCodes.Status400BadRequest, title: t["Status.Error.Title"]);
        }
        var number = request.Number.Trim();
        var note = request.Note?.Trim();
        var id = await RegistryActions.RecordAuditAsync(db, body.Id, number, kind, request.StartDate.Value, request.EndDate, note, clock.GetUtcNow(), ct);
        if (id is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = t["Status.Error.Title"], Detail = t["Status.Error.NotFound", number, body.Code], Status = 404 });
        }
        return TypedResults.Created(CertificationLinks.ApiCertificate(id.Value), new AuditResponse(kind.ToString(), request.StartDate.Value, request.EndDate, note));
    }
}
