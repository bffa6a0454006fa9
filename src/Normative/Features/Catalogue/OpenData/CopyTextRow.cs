using System.Buffers;
using System.Globalization;
using System.Text;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// Writes rows in PostgreSQL's COPY text format (tab-separated, <c>\N</c> for null, backslash escapes)
/// to the writer of <c>NpgsqlConnection.BeginTextImport</c>. A bulk import writes millions of values:
/// written here as plain text they cost a scan and a copy each, where the binary importer binds a
/// parameter per value through generic code the JIT must first compile.
/// </summary>
public sealed class CopyTextRow(TextWriter writer)
{
    private static readonly SearchValues<char> CopySpecial = SearchValues.Create("\\\t\n\r");
    private static readonly SearchValues<char> ArraySpecial = SearchValues.Create("\\\t\n\r\"");
    private const string NullText = "\\N";
    private readonly StringBuilder _element = new();
    private bool _first = true;

    public void Text(string? value)
    {
        Next();
        if (value is null)
        {
            writer.Write(NullText);
            return;
        }
        Escaped(value.AsSpan());
    }

    public void Int(int? value)
    {
        Next();
        if (value is not { } v)
        {
            writer.Write(NullText);
            return;
        }
        Span<char> digits = stackalloc char[11];
        v.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        writer.Write(digits[..n]);
    }

    public void Date(DateOnly? value)
    {
        Next();
        if (value is not { } v)
        {
            writer.Write(NullText);
            return;
        }
        Span<char> text = stackalloc char[16];
        v.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.Write(text[..n]);
    }

    /// <summary>A text[] literal: every element quoted, so no element can be read as NULL or split at a comma.</summary>
    public void TextArray(IReadOnlyList<string>? values)
    {
        Next();
        if (values is null)
        {
            writer.Write(NullText);
            return;
        }
        writer.Write('{');
        for (var i = 0; i < values.Count; i++)
        {
            writer.Write(i == 0 ? "\"" : ",\"");
            var element = values[i].AsSpan();
            if (element.IndexOfAny(ArraySpecial) < 0)
            {
                writer.Write(element);
            }
            else
            {
                // The array's own escapes (\" and \\) first, then COPY's on top of them.
                _element.Clear();
                foreach (var c in element)
                {
                    if (c is '"' or '\\')
                    {
                        _element.Append('\\');
                    }
                    _element.Append(c);
                }
                Escaped(_element.ToString().AsSpan());
            }
            writer.Write('"');
        }
        writer.Write('}');
    }

    public void IntArray(IReadOnlyList<int>? values)
    {
        Next();
        if (values is null)
        {
            writer.Write(NullText);
            return;
        }
        writer.Write('{');
        Span<char> digits = stackalloc char[11];
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            values[i].TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
            writer.Write(digits[..n]);
        }
        writer.Write('}');
    }

    public void End()
    {
        writer.Write('\n');
        _first = true;
    }

    private void Next()
    {
        if (!_first)
        {
            writer.Write('\t');
        }
        _first = false;
    }

    private void Escaped(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var at = text.IndexOfAny(CopySpecial);
            if (at < 0)
            {
                writer.Write(text);
                return;
            }
            writer.Write(text[..at]);
            writer.Write(text[at] switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                _ => "\\r",
            });
            text = text[(at + 1)..];
        }
    }
}
