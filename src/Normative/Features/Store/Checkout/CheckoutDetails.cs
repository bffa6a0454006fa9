namespace Normative.Features.Store.Checkout;

/// <summary>What the buyer types at checkout: the billing address, the licence holder for PDFs and how to pay.</summary>
public sealed class CheckoutDetails
{
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Email { get; set; }
    public string? VatNumber { get; set; }
    public string? LicenceHolder { get; set; }
    public PaymentMethod? PaymentMethod { get; set; }
}
