namespace Normative.Features.Certification.Import;

/// <summary>
/// What an upload did. <see cref="FileProblem"/> is set when the file could not be read as a whole
/// (then nothing was loaded); <see cref="Problems"/> lists bad rows (the first
/// <see cref="CertificateImport.MaxListedProblems"/>; <see cref="Rejected"/> counts them all).
/// </summary>
public sealed record ImportResult(
    long UploadId,
    int TotalRows,
    int Inserted,
    int Updated,
    int Unchanged,
    int Rejected,
    bool Loaded,
    ImportProblem? FileProblem,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool AllLoaded => Loaded && Rejected == 0 && FileProblem is null;
}
