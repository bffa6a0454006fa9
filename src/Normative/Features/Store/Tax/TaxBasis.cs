namespace Normative.Features.Store.Tax;

/// <summary>Why a line carries the VAT it does; printed on invoices and in the accountant's CSV.</summary>
public enum TaxBasis
{
    /// <summary>The seller's own VAT at the seller's rate.</summary>
    Domestic,
    /// <summary>A business in another EU member state with a VAT number accounts for the VAT itself (0 % on the invoice): for printed copies, an intra-Community supply to another member state.</summary>
    ReverseCharge,
    /// <summary>An electronic product sold to a consumer in another EU member state, or a printed copy sent to one there: that state's rate, declared through the one-stop shop.</summary>
    OneStopShop,
    /// <summary>Outside the seller's VAT: an export, or a service taxed where the buyer is.</summary>
    Export,
}
