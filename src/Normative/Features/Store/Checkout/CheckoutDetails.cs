namespace Normative.Features.Store.Checkout;

/// <summary>What the buyer types at checkout: the billing address, the licence holder for PDFs, where printed copies go and how to pay.</summary>
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

    /// <summary>The organisation the order is bought for (the buyer must be a member); null: for the buyer. Needed for a multi-user licence.</summary>
    public int? BuyFor { get; set; }

    /// <summary>Printed copies go to the billing address; otherwise to the shipping address below.</summary>
    public bool ShipToBilling { get; set; }
    public string? ShippingName { get; set; }
    public string? ShippingOrganization { get; set; }
    public string? ShippingStreet { get; set; }
    public string? ShippingPostalCode { get; set; }
    public string? ShippingCity { get; set; }
    public string? ShippingCountry { get; set; }
}
