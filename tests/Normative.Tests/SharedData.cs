namespace Normative.Tests;

/// <summary>
/// Finds the shared data folder, which lives beside the clone (CI puts <c>shared/</c> in the
/// repository's parent folder), by walking up from the test binaries.
/// </summary>
public static class SharedData
{
    private const string Marker = "shared/data/identifiers";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The full path of <paramref name="relative"/> under <c>shared/data</c>, e.g. <c>identifiers/iwa-pubid.txt</c>.</summary>
    public static string PathTo(string relative) =>
        Path.Combine(Root.Value, "shared", "data", relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, Marker.Replace('/', Path.DirectorySeparatorChar))))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above {AppContext.BaseDirectory} contains {Marker}. "
            + "Check out or copy the shared data folder beside the repository (../shared).");
    }
}
