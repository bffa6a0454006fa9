namespace Normative.Features.Catalogue.Editing;

/// <summary>
/// What a bulk file would do: its column problems (then nothing else is read), its bad lines, and
/// every change per record and field. <see cref="Digest"/> names exactly these changes, so applying
/// can refuse when the catalogue moved after the preview was shown.
/// </summary>
public sealed record BulkPreview(IReadOnlyList<string> MissingColumns, IReadOnlyList<string> UnknownColumns, IReadOnlyList<BulkLineProblem> BadLines,
    IReadOnlyList<RecordChanges> Records, int Rows, string Digest)
{
    public bool ColumnsMatch => MissingColumns.Count == 0 && UnknownColumns.Count == 0;

    public bool CanApply => ColumnsMatch && BadLines.Count == 0 && Records.Count > 0;

    public int ChangeCount => Records.Sum(r => r.Changes.Count);
}
