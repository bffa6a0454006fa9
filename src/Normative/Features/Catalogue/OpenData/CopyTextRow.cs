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
        if (!Null(value is null))
        {
            Escaped(value.AsSpan());
        }
    }

    public void Int(int? value) => Formatted(value, null);

    public void Date(DateOnly? value) => Formatted(value, "yyyy-MM-dd");

    /// <summary>A text[] literal: every element quoted, so no element can be read as NULL or split at a comma.</summary>
    public void TextArray(IReadOnlyList<string>? values)
    {
        if (Null(values is null))
        {
            return;
        }
        writer.Write('{');
        for (var i = 0; i < values!.Count; i++)
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
        if (Null(values is null))
        {
            return;
        }
        writer.Write('{');
        for (var i = 0; i < values!.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            Write(values[i], null);
        }
        writer.Write('}');
    }

    public void End()
    {
        writer.Write('\n');
        _first = true;
    }

    /// <summary>Starts the next field and writes <c>\N</c> if the value is null; says whether it was.</summary>
    private bool Null(bool isNull)
    {
        if (!_first)
        {
            writer.Write('\t');
        }
        _first = false;
        if (isNull)
        {
            writer.Write(NullText);
        }
        return isNull;
    }

    private void Formatted<T>(T? value, string? format) where T : struct, ISpanFormattable
    {
        if (!Null(value is null))
        {
            Write(value!.Value, format);
        }
    }

    private void Write<T>(T value, string? format) where T : ISpanFormattable
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out var n, format, CultureInfo.InvariantCulture);
        writer.Write(text[..n]);
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
