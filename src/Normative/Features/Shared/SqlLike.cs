namespace Normative.Features.Shared;

/// <summary>
/// Patterns for SQL LIKE and ILIKE built from what a person typed: %, _ and the escape character
/// itself match only themselves. PostgreSQL's default escape character is the backslash, which
/// EF.Functions.Like and ILike use when no other is given.
/// </summary>
public static class SqlLike
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }

    public static string Contains(string text) => "%" + Escape(text) + "%";

    public static string StartsWith(string text) => Escape(text) + "%";
}
