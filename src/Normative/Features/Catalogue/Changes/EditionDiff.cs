using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Normative.Features.Catalogue.Changes;

/// <summary>
/// What changed between two editions' texts: clauses matched by number (or by anchor for the
/// foreword and introduction), each added, removed, changed or unchanged, and the words of a
/// changed one marked. DiffPlex finds the word differences.
/// </summary>
public static partial class EditionDiff
{
    /// <summary>
    /// The clauses of the newer text in its order, each removed clause after the one that preceded it
    /// in the older text. An amendment (<paramref name="amendment"/>) holds only the clauses it changes
    /// or adds: a clause of the amended edition that it leaves out stays as it was, so it is not removed.
    /// </summary>
    public static IReadOnlyList<ClauseChange> Compare(IReadOnlyList<ClauseVersion> from, IReadOnlyList<ClauseVersion> to, bool amendment = false)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var older = new Dictionary<string, ClauseVersion>();
        foreach (var clause in from)
        {
            older.TryAdd(clause.Key, clause);
        }
        var newer = to.Select(c => c.Key).ToHashSet();
        // Removed clauses wait for the clause before them in the older text to be written.
        var removedAfter = new Dictionary<string, List<ClauseVersion>>();
        var removedFirst = new List<ClauseVersion>();
        string? previous = null;
        foreach (var clause in from)
        {
            if (!newer.Contains(clause.Key))
            {
                if (amendment)
                {
                    continue;
                }
                if (previous is null)
                {
                    removedFirst.Add(clause);
                }
                else
                {
                    if (!removedAfter.TryGetValue(previous, out var list))
                    {
                        removedAfter[previous] = list = [];
                    }
                    list.Add(clause);
                }
                continue;
            }
            previous = clause.Key;
        }
        var changes = new List<ClauseChange>(to.Count + removedFirst.Count);
        changes.AddRange(removedFirst.Select(Removed));
        var seen = new HashSet<string>();
        foreach (var clause in to)
        {
            if (!seen.Add(clause.Key))
            {
                continue;
            }
            if (older.TryGetValue(clause.Key, out var old))
            {
                var titleChanged = Normalize(old.Title) != Normalize(clause.Title);
                var textChanged = Normalize(old.Text) != Normalize(clause.Text);
                changes.Add(titleChanged || textChanged
                    ? new ClauseChange(ClauseChangeKind.Changed, old, clause, textChanged ? Words(old.Text, clause.Text) : [new WordChange(WordChangeKind.Same, clause.Text)], titleChanged)
                    : new ClauseChange(ClauseChangeKind.Unchanged, old, clause, [], false));
            }
            else
            {
                changes.Add(new ClauseChange(ClauseChangeKind.Added, null, clause, [], false));
            }
            if (removedAfter.TryGetValue(clause.Key, out var gone))
            {
                changes.AddRange(gone.Select(Removed));
            }
        }
        return changes;

        static ClauseChange Removed(ClauseVersion c) => new(ClauseChangeKind.Removed, c, null, [], false);
    }

    /// <summary>The words of <paramref name="newer"/> with those of <paramref name="older"/> that it deleted, in reading order.</summary>
    public static IReadOnlyList<WordChange> Words(string older, string newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var diff = Differ.Instance.CreateDiffs(Normalize(older), Normalize(newer), ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var changes = new List<WordChange>();
        var b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(WordChangeKind.Same, diff.PiecesNew, b, block.InsertStartB - b);
            Add(WordChangeKind.Deleted, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(WordChangeKind.Inserted, diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            b = block.InsertStartB + block.InsertCountB;
        }
        Add(WordChangeKind.Same, diff.PiecesNew, b, diff.PiecesNew.Count - b);
        return changes;

        void Add(WordChangeKind kind, IReadOnlyList<string> pieces, int start, int count)
        {
            if (count <= 0)
            {
                return;
            }
            var text = string.Concat(pieces.Skip(start).Take(count));
            if (text.Length == 0)
            {
                return;
            }
            if (changes.Count > 0 && changes[^1].Kind == kind)
            {
                changes[^1] = changes[^1] with { Text = changes[^1].Text + text };
            }
            else
            {
                changes.Add(new WordChange(kind, text));
            }
        }
    }

    private static string Normalize(string? text) => text is null ? "" : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
