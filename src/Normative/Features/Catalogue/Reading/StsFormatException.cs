namespace Normative.Features.Catalogue.Reading;

/// <summary>An STS file that cannot be imported, with where: "ISO_2560.xml, line 12: …".</summary>
public sealed class StsFormatException(string file, int line, string reason) : Exception(line > 0 ? $"{file}, line {line}: {reason}" : $"{file}: {reason}")
{
    public string File { get; } = file;
    /// <summary>0 when the problem is the whole file (too large, no identifier).</summary>
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
