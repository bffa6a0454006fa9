namespace Normative.Features.Certification.Import;

/// <summary>
/// Something wrong with an upload: a whole-file problem (Line 0 or the line where reading stopped)
/// or one row's. Code names a text "Import.{Code}" in CertificationText, which Args fill in.
/// </summary>
public sealed record ImportProblem(int Line, string? Number, string Code, params string[] Args)
{
    public string ResourceKey => "Import." + Code;
}
