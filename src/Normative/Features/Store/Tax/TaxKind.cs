namespace Normative.Features.Store.Tax;

/// <summary>What a line is for VAT: an electronic product (a PDF, reading online), a printed copy, or shipping.</summary>
public enum TaxKind
{
    Electronic,
    Printed,
    Shipping,
}
