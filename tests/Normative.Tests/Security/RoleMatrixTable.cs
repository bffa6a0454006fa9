namespace Normative.Tests.Security;

/// <summary>
/// The expected answers of the role matrix, read from RoleMatrix.txt (embedded in the test
/// assembly): one line per method and route pattern, one answer per caller in the order of
/// <see cref="RoleMatrixApp.Columns"/>. An answer is an HTTP status, or <c>S</c> for a redirect to
/// the sign-in page.
/// </summary>
public static class RoleMatrixTable
{
    public const string FileName = "RoleMatrix.txt";

    public static Dictionary<string, string[]> Load()
    {
        using var stream = typeof(RoleMatrixTable).Assembly.GetManifestResourceStream("Normative.Tests.Security." + FileName)
            ?? throw new InvalidOperationException($"{FileName} is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 2 + RoleMatrixApp.Columns.Length, $"{FileName}:{number}: expected a method, a route and {RoleMatrixApp.Columns.Length} answers: {line}");
            Assert.True(table.TryAdd(Key(parts[0], parts[1]), parts[2..]), $"{FileName}:{number}: {parts[0]} {parts[1]} is listed twice");
        }
        return table;
    }

    public static string Key(string method, string route) => method + " " + route;

    /// <summary>A line of the table, aligned as the file is.</summary>
    public static string Line(string key, IEnumerable<string> answers)
    {
        var (method, route) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        return $"{method,-6} {route,-72} " + string.Join(" ", answers.Select(a => $"{a,-3}")).TrimEnd();
    }
}
