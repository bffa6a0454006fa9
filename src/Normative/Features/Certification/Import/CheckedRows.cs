namespace Normative.Features.Certification.Import;

/// <summary>
/// The rows of an upload as they are read: each is checked against the registry, the good ones come
/// out as records, the bad ones are counted and their problems kept (the first
/// <see cref="CertificateImport.MaxListedProblems"/>). Read once, in step with the bulk load.
/// </summary>
internal sealed class CheckedRows(IEnumerable<ImportItem> items, CertificateValidator validator, Action<int>? progress) : IEnumerable<CertificateRecord>
{
    public int Total { get; private set; }
    public int Rejected { get; private set; }
    public List<ImportProblem> Problems { get; } = [];

    public IEnumerator<CertificateRecord> GetEnumerator()
    {
        var rowProblems = new List<ImportProblem>();
        foreach (var item in items)
        {
            Total++;
            rowProblems.Clear();
            var record = item.Input is null ? null : validator.Validate(item.Line, item.Input, rowProblems);
            if (item.Problem is not null)
            {
                rowProblems.Add(item.Problem);
            }
            if (record is null)
            {
                Rejected++;
                Keep(rowProblems);
            }
            else
            {
                yield return record;
            }
            if (Total % 5_000 == 0)
            {
                progress?.Invoke(Total);
            }
        }
        progress?.Invoke(Total);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds problems found later (by the database) to the list, up to its limit.</summary>
    public void Keep(IEnumerable<ImportProblem> more)
    {
        foreach (var p in more)
        {
            if (Problems.Count >= CertificateImport.MaxListedProblems)
            {
                return;
            }
            Problems.Add(p);
        }
    }
}
