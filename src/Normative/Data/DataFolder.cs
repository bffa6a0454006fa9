namespace Normative.Data;

/// <summary>
/// The folder for local state: the embedded database, mail written as files, uploads. Set it with
/// Normative:DataDirectory or NORMATIVE_DATA; by default it is data/ at the top of the source tree
/// (found by Normative.slnx, so `dotnet run --project src/Normative` and ./build.sh agree), or
/// data/ in the working directory of an installed copy.
/// </summary>
public static class DataFolder
{
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Normative:DataDirectory"] ?? configuration["NORMATIVE_DATA"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        var start = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normative.slnx")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }
        return Path.Combine(start, "data");
    }
}
