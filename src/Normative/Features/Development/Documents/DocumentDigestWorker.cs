using Normative.Data;
using Normative.Web;

namespace Normative.Features.Development.Documents;

/// <summary>Runs <see cref="DocumentDigest.RunAsync"/> every half hour; it mails once a day, from <see cref="DocumentDigest.Hour"/> UTC. Off with Development:Jobs:Enabled=false.</summary>
public sealed class DocumentDigestWorker(IServiceScopeFactory scopes, DocumentMail mail, TimeProvider clock, ILogger<DocumentDigestWorker> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(30);

    protected override string Name => "The daily mail of new committee documents";

    protected override string DoneMessage => "{Count} mails of new committee documents are queued";

    protected override Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct) => DocumentDigest.RunAsync(db, mail, now, ct);
}
