namespace Normative.Tests;

/// <summary>Finds ../shared/data beside the repository (CI keeps shared/ next to the clone).</summary>
public static class SharedData
{
    public static string PathTo(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(candidate, relative);
            }
        }
        throw new DirectoryNotFoundException($"No shared/data folder above {AppContext.BaseDirectory}; the tests expect ../shared/data beside the repository.");
    }
}
