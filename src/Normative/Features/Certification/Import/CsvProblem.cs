namespace Normative.Features.Certification.Import;

/// <summary>What is wrong with the shape of a CSV file (as opposed to a value in it).</summary>
public enum CsvProblem
{
    UnclosedQuote,
    TextAfterQuote,
    FieldTooLong,
}
