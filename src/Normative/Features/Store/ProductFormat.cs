namespace Normative.Features.Store;

/// <summary>
/// How a deliverable is sold: a PDF licensed to one named person, a printed copy, or a licence to
/// read its full text online in one language (nothing delivered as a file); or, for a collection,
/// a subscription to the PDFs of every standard it covers for a year.
/// </summary>
public enum ProductFormat
{
    Pdf,
    Paper,
    Online,
    Subscription,
}
