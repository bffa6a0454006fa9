namespace Normative.Features.Certification.Import;

/// <summary>An upload that cannot be read as a whole (wrong header, wrong delimiter, not UTF-8, too many rows…).</summary>
public sealed class ImportFileException(ImportProblem problem) : Exception(problem.Code)
{
    public ImportProblem Problem { get; } = problem;
}
