namespace Normative.Features.Store.Payments;

/// <summary>The payment provider refused a request or could not be reached.</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
