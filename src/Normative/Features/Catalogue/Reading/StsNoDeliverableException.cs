namespace Normative.Features.Catalogue.Reading;

/// <summary>The file's identifier matches no deliverable in the catalogue (the command's --create makes the record).</summary>
public sealed class StsNoDeliverableException(string file, int line, string reference)
    : Exception($"{file}, line {line}: {reference} matches no deliverable in the catalogue")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reference { get; } = reference;
}
