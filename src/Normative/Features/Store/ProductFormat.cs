namespace Normative.Features.Store;

/// <summary>How a deliverable is sold: a PDF licensed to one named person, or a printed copy.</summary>
public enum ProductFormat
{
    Pdf,
    Paper,
}
