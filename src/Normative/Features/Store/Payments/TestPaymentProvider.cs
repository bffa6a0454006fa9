using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Store.Payments;

/// <summary>
/// A payment provider for development and tests: its hosted payment page is part of this site
/// (<see cref="StoreLinks.TestPayment"/>) and has Pay and Cancel buttons; no money moves. Used when no
/// Stripe key is configured.
/// </summary>
public sealed class TestPaymentProvider(NormativeDb db, TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "Test";

    public string Name => ProviderName;

    public async Task<HostedSession> CreateSessionAsync(SessionRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new TestPaymentSession
        {
            Id = Guid.NewGuid(),
            Reference = request.OrderNumber,
            Description = request.Description.Length > 500 ? request.Description[..500] : request.Description,
            Amount = request.Amount,
            Currency = request.Currency,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            Status = "Open",
            CreatedAt = now,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return new HostedSession(session.Id.ToString(), StoreLinks.TestPayment(session.Id), now.AddHours(1));
    }

    public async Task<SessionState> GetSessionAsync(string sessionId, CancellationToken ct)
    {
        var session = Guid.TryParse(sessionId, out var id)
            ? await db.Set<TestPaymentSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
            : null;
        if (session is null)
        {
            throw new PaymentProviderException($"The test provider has no session {sessionId}.");
        }
        return new SessionState(sessionId, session.Status == "Paid", session.Amount, session.Currency, session.Reference, "test_" + session.Id.ToString("N"));
    }

    public Task<string> RefundAsync(string paymentReference, decimal amount, string currency, CancellationToken ct) =>
        Task.FromResult("test_refund_" + Guid.NewGuid().ToString("N"));

    /// <summary>The buyer pressed Pay or Cancel on the test page; only an open session changes.</summary>
    public static Task<int> CompleteAsync(NormativeDb db, Guid id, bool paid, DateTimeOffset now, CancellationToken ct) =>
        db.Set<TestPaymentSession>()
            .Where(s => s.Id == id && s.Status == "Open")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, paid ? "Paid" : "Cancelled").SetProperty(x => x.CompletedAt, now), ct);
}
