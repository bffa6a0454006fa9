namespace Normative.Features.Store.Payments;

/// <summary>What the provider says about a session: paid or not, how much, and the payment's own id.</summary>
public sealed record SessionState(string Id, bool Paid, decimal Amount, string Currency, string? OrderNumber, string? PaymentReference);
