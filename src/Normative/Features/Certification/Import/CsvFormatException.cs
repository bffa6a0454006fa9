namespace Normative.Features.Certification.Import;

/// <summary>A CSV file that cannot be read past a point: an unclosed quote, text after a closing quote, a huge field.</summary>
public sealed class CsvFormatException(int line, CsvProblem problem)
    : FormatException($"Line {line}: {problem}")
{
    public int Line { get; } = line;
    public CsvProblem Problem { get; } = problem;
}
