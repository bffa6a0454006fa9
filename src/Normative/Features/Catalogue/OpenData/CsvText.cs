using System.Text;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// CSV as RFC 4180 writes it: comma-separated, fields in double quotes when they hold a comma, a
/// quote or a line break, quotes doubled. Read one record at a time with the line it starts on, so
/// a problem can be reported by line number; a record with broken quotes is marked, not guessed at.
/// </summary>
public static class CsvText
{
    public sealed record Record(int Line, string[] Fields, string? Problem);

    public static IEnumerable<Record> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            var start = line;
            fields.Clear();
            field.Clear();
            string? problem = null;
            var quoted = false;
            var afterQuote = false;
            var ended = false;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                            afterQuote = true;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            line++;
                        }
                        field.Append(ch);
                    }
                    continue;
                }
                if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                }
                else if (ch == '\r' && reader.Peek() == '\n')
                {
                    continue;
                }
                else if (ch == '\n')
                {
                    line++;
                    ended = true;
                    break;
                }
                else if (ch == '"' && field.Length == 0 && !afterQuote)
                {
                    quoted = true;
                }
                else
                {
                    if (afterQuote || ch == '"')
                    {
                        problem ??= "a quote inside a field that is not quoted, or text after a closing quote";
                    }
                    field.Append(ch);
                }
            }
            if (quoted)
            {
                problem = "a quoted field that never ends";
            }
            fields.Add(field.ToString());
            var empty = fields.Count == 1 && fields[0].Length == 0;
            if (!empty)
            {
                yield return new Record(start, [.. fields], problem);
            }
            if (!ended)
            {
                yield break;
            }
        }
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                writer.Write(',');
            }
            first = false;
            if (value is null)
            {
                continue;
            }
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }
        writer.Write("\r\n");
    }
}
