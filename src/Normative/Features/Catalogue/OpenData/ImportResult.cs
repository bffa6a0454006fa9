namespace Normative.Features.Catalogue.OpenData;

/// <summary>What an import did: records read, new, updated, unchanged and rejected (with the first reasons).</summary>
public sealed record ImportResult(
    string Kind,
    int Read,
    int Inserted,
    int Updated,
    int Unchanged,
    int Rejected,
    int Duplicates,
    int CommitteesCreated,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed)
{
    public const int AllLoaded = 0;
    public const int Failed = 1;
    public const int SomeRejected = 2;

    public int ExitCode => Rejected > 0 ? SomeRejected : AllLoaded;

    public string Summary()
    {
        var text = $"{Kind}: {Read} read, {Inserted} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected";
        if (Duplicates > 0)
        {
            text += $", {Duplicates} repeated ids (the last line wins)";
        }
        if (CommitteesCreated > 0)
        {
            text += $", {CommitteesCreated} committees created from references";
        }
        return text + $" in {Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s.";
    }
}
