using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Normative.Tests.Features.Store;

/// <summary>
/// Reads back the text a PDF shows on each page, as a reader would: PDFsharp only opens the file
/// and decompresses the streams; the text operators (Tf, Tj, TJ, ', ") of each page's content
/// streams are parsed here, and each font's codes are mapped to characters through its ToUnicode CMap.
/// </summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var fonts = new Dictionary<string, Dictionary<int, string>?>();
            var fontDict = page.Resources.Elements.GetDictionary("/Font");
            if (fontDict is not null)
            {
                foreach (var name in fontDict.Elements.Keys)
                {
                    var font = fontDict.Elements.GetDictionary(name);
                    var toUnicode = font?.Elements.GetDictionary("/ToUnicode");
                    fonts[name] = toUnicode?.Stream is { } s ? ParseCMap(Encoding.Latin1.GetString(s.UnfilteredValue)) : null;
                }
            }
            var content = new StringBuilder();
            var contents = page.Elements.GetObject("/Contents");
            foreach (var item in contents is PdfArray array ? array.Elements.ToList() : [contents!])
            {
                var stream = (item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item) as PdfDictionary;
                content.Append(Encoding.Latin1.GetString(stream!.Stream.UnfilteredValue)).Append('\n');
            }
            pages.Add(Extract(content.ToString(), fonts));
        }
        return pages;
    }

    private static string Extract(string content, Dictionary<string, Dictionary<int, string>?> fonts)
    {
        var text = new StringBuilder();
        var operands = new List<object>();
        Dictionary<int, string>? cmap = null;
        var i = 0;
        while (Next(content, ref i) is { } token)
        {
            if (token is Operator op)
            {
                switch (op.Name)
                {
                    case "Tf" when operands.Count >= 2 && operands[^2] is Name font:
                        cmap = fonts.GetValueOrDefault(font.Value);
                        break;
                    case "Tj" or "'" or "\"" when operands.Count > 0 && operands[^1] is byte[] bytes:
                        text.Append(Decode(bytes, cmap));
                        break;
                    case "TJ" when operands.Count > 0 && operands[^1] is List<object> items:
                        foreach (var b in items.OfType<byte[]>())
                        {
                            text.Append(Decode(b, cmap));
                        }
                        break;
                    case "ET":
                        text.Append('\n');
                        break;
                }
                operands.Clear();
            }
            else
            {
                operands.Add(token);
            }
        }
        return text.ToString();
    }

    private sealed record Operator(string Name);

    private sealed record Name(string Value);

    private static object? Next(string s, ref int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == '\0')
            {
                i++;
            }
            else if (c == '%')
            {
                while (i < s.Length && s[i] != '\n' && s[i] != '\r')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }
        if (i >= s.Length)
        {
            return null;
        }
        var ch = s[i];
        switch (ch)
        {
            case '(':
                return Literal(s, ref i);
            case '<' when i + 1 < s.Length && s[i + 1] == '<':
                i += 2;
                return new Operator("<<");
            case '>' when i + 1 < s.Length && s[i + 1] == '>':
                i += 2;
                return new Operator(">>");
            case '<':
                var end = s.IndexOf('>', i);
                var hex = new string(s[(i + 1)..end].Where(Uri.IsHexDigit).ToArray());
                i = end + 1;
                return Convert.FromHexString(hex.Length % 2 == 1 ? hex + "0" : hex);
            case '[':
                i++;
                var list = new List<object>();
                while (Next(s, ref i) is { } item && item is not Operator { Name: "]" })
                {
                    list.Add(item);
                }
                return list;
            case ']':
                i++;
                return new Operator("]");
            case '/':
                var start = ++i;
                while (i < s.Length && !IsDelimiter(s[i]))
                {
                    i++;
                }
                return new Name("/" + s[start..i]);
            default:
                var from = i;
                while (i < s.Length && !IsDelimiter(s[i]))
                {
                    i++;
                }
                if (i == from)
                {
                    i++;
                }
                var word = s[from..i];
                return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : new Operator(word);
        }
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    private static byte[] Literal(string s, ref int i)
    {
        var bytes = new List<byte>();
        var depth = 0;
        i++;
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == '\\')
            {
                var e = s[i++];
                switch (e)
                {
                    case 'n': bytes.Add((byte)'\n'); break;
                    case 'r': bytes.Add((byte)'\r'); break;
                    case 't': bytes.Add((byte)'\t'); break;
                    case 'b': bytes.Add(8); break;
                    case 'f': bytes.Add(12); break;
                    case '\r' or '\n': break;
                    case >= '0' and <= '7':
                        var octal = e - '0';
                        for (var k = 0; k < 2 && i < s.Length && s[i] is >= '0' and <= '7'; k++)
                        {
                            octal = octal * 8 + (s[i++] - '0');
                        }
                        bytes.Add((byte)octal);
                        break;
                    default: bytes.Add((byte)e); break;
                }
            }
            else if (c == '(')
            {
                depth++;
                bytes.Add((byte)c);
            }
            else if (c == ')')
            {
                if (depth-- == 0)
                {
                    break;
                }
                bytes.Add((byte)c);
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        return bytes.ToArray();
    }

    private static string Decode(byte[] bytes, Dictionary<int, string>? cmap)
    {
        if (cmap is null)
        {
            return Encoding.Latin1.GetString(bytes);
        }
        var text = new StringBuilder();
        for (var k = 0; k + 1 < bytes.Length; k += 2)
        {
            text.Append(cmap.GetValueOrDefault((bytes[k] << 8) | bytes[k + 1], "\uFFFD"));
        }
        return text.ToString();
    }

    /// <summary>The bfchar and bfrange entries of a ToUnicode CMap: code → text.</summary>
    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        var i = 0;
        var mode = "";
        var pending = new List<object>();
        while (Next(cmap, ref i) is { } token)
        {
            if (token is Operator op)
            {
                if (op.Name is "beginbfchar" or "beginbfrange")
                {
                    mode = op.Name;
                    pending.Clear();
                }
                else if (op.Name is "endbfchar" or "endbfrange")
                {
                    mode = "";
                }
                continue;
            }
            if (mode == "")
            {
                continue;
            }
            pending.Add(token);
            if (mode == "beginbfchar" && pending.Count == 2)
            {
                map[Code((byte[])pending[0])] = Encoding.BigEndianUnicode.GetString((byte[])pending[1]);
                pending.Clear();
            }
            else if (mode == "beginbfrange" && pending.Count == 3)
            {
                var from = Code((byte[])pending[0]);
                var to = Code((byte[])pending[1]);
                for (var code = from; code <= to; code++)
                {
                    if (pending[2] is byte[] first)
                    {
                        var target = (byte[])first.Clone();
                        target[^1] = (byte)(target[^1] + (code - from));
                        map[code] = Encoding.BigEndianUnicode.GetString(target);
                    }
                    else if (pending[2] is List<object> list && code - from < list.Count)
                    {
                        map[code] = Encoding.BigEndianUnicode.GetString((byte[])list[code - from]);
                    }
                }
                pending.Clear();
            }
        }
        return map;
    }

    private static int Code(byte[] bytes) => bytes.Aggregate(0, (acc, b) => (acc << 8) | b);
}
