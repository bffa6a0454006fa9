namespace Normative.Tests.Features.Catalogue.Identifiers;

/// <summary>The identifier lists in shared/data/identifiers, read the way RefsNormalizeCommand reads them.</summary>
internal static class IdentifierFile
{
    public const string NonIso = "non-iso-identifiers.txt";

    public static TheoryData<string> IsoFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.GetDirectoryName(SharedData.PathTo("identifiers/" + NonIso))!, "*.txt").Order())
        {
            var name = Path.GetFileName(path);
            if (name != NonIso)
            {
                files.Add(name);
            }
        }

        return files;
    }

    /// <summary>Identifiers with their line numbers; '#' starts a comment, as in the Russian and NSB lists.</summary>
    public static IEnumerable<(int Line, string Text)> Read(string name)
    {
        var number = 0;
        foreach (var line in File.ReadLines(SharedData.PathTo("identifiers/" + name)))
        {
            number++;
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            var text = (comment < 0 ? line : line[..comment]).Trim();
            if (text.Length > 0)
            {
                yield return (number, text);
            }
        }
    }
}
