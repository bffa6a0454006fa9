using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// Reads an STS file into an <see cref="XDocument"/> without ever resolving a DTD or an external
/// entity (no XXE, no billion laughs). STS files name the STS DTD and use the character entities it
/// defines (<c>&amp;mdash;</c>), and often leave the namespace prefixes it declares (<c>tbx:</c>,
/// <c>mml:</c>) undeclared. So the DOCTYPE is dropped; named entities are mapped here (HTML's
/// through <see cref="WebUtility.HtmlDecode(string)"/>, plus plain-text entities declared in the
/// internal subset); the DTD's namespace declarations are added to the root; anything else is an
/// error with its line.
/// </summary>
public static partial class StsXml
{
    /// <summary>Larger than any standard (ISO's longest are a few MB of XML).</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    private static readonly (string Prefix, string Uri)[] DtdNamespaces =
    [
        ("xlink", "http://www.w3.org/1999/xlink"),
        ("mml", "http://www.w3.org/1998/Math/MathML"),
        ("tbx", "urn:iso:std:iso:30042:ed-1"),
        ("oasis", "http://docs.oasis-open.org/ns/oasis-exchange/table"),
        ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ("ali", "http://www.niso.org/schemas/ali/1.0/"),
        ("xi", "http://www.w3.org/2001/XInclude"),
    ];

    /// <summary>
    /// The document; <paramref name="keepProcessingInstructions"/> keeps marks such as a draft's
    /// <c>&lt;?line 17?&gt;</c> line numbers (the committee's drafts use them).
    /// </summary>
    public static XDocument Load(byte[] bytes, string file, bool keepProcessingInstructions = false)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > MaxBytes)
        {
            throw new StsFormatException(file, 0, $"the file is {bytes.Length / (1024 * 1024)} MB, more than the {MaxBytes / (1024 * 1024)} MB an STS text may have");
        }
        string text;
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new StsFormatException(file, 0, "the file is not UTF-8 text, so it is not an STS XML file");
        }
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || start[0] != '<')
        {
            throw new StsFormatException(file, 1, "the file is not XML");
        }

        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        text = DropDoctype(text, file, declared);
        text = MapEntities(text, file, declared);
        text = DeclareDtdNamespaces(text);

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = !keepProcessingInstructions,
            MaxCharactersFromEntities = 1024,
        };
        try
        {
            using var xml = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(xml, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new StsFormatException(file, e.LineNumber, "the XML is not well-formed: " + e.Message);
        }
    }

    /// <summary>
    /// Why <paramref name="stream"/> cannot be read as STS — the reason <see cref="Load"/> gives, so an
    /// upload is refused for what a reader would later refuse — or null when it can. Reads at most
    /// <see cref="MaxBytes"/>.
    /// </summary>
    public static async Task<string?> ProblemAsync(Stream stream, string file, bool keepProcessingInstructions = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                return new StsFormatException(file, 0, $"the file is more than the {MaxBytes / (1024 * 1024)} MB an STS text may have").Message;
            }
            copy.Write(buffer, 0, read);
        }
        try
        {
            Load(copy.ToArray(), file, keepProcessingInstructions);
            return null;
        }
        catch (StsFormatException e)
        {
            return e.Message;
        }
    }

    private static string DropDoctype(string text, string file, Dictionary<string, string> declared)
    {
        var doctype = Doctype().Match(text);
        if (!doctype.Success)
        {
            if (text.Contains("<!DOCTYPE", StringComparison.Ordinal))
            {
                throw new StsFormatException(file, LineOf(text, text.IndexOf("<!DOCTYPE", StringComparison.Ordinal)), "the DOCTYPE cannot be read");
            }
            return text;
        }
        var subset = doctype.Groups["subset"];
        if (subset.Success)
        {
            var rest = subset.Value;
            foreach (Match declaration in EntityDeclaration().Matches(subset.Value))
            {
                var line = LineOf(text, subset.Index + declaration.Index);
                var value = declaration.Groups["value"].Value;
                if (declaration.Groups["pe"].Success)
                {
                    throw new StsFormatException(file, line, "parameter entities are not read");
                }
                if (declaration.Groups["external"].Success)
                {
                    throw new StsFormatException(file, line, $"the entity {declaration.Groups["name"].Value} is external: external entities are never fetched");
                }
                if (value.IndexOfAny(['&', '%', '<']) >= 0)
                {
                    throw new StsFormatException(file, line, $"the entity {declaration.Groups["name"].Value} refers to other entities or markup; only plain-text entities are read");
                }
                declared[declaration.Groups["name"].Value] = value;
                rest = rest.Replace(declaration.Value, "", StringComparison.Ordinal);
            }
            if (!string.IsNullOrWhiteSpace(Comments().Replace(rest, "")))
            {
                throw new StsFormatException(file, LineOf(text, subset.Index), "the DOCTYPE's internal subset declares more than plain-text entities; it is not read");
            }
        }
        // Line numbers stay those of the file.
        var lines = new string('\n', doctype.Value.Count(c => c == '\n'));
        return string.Concat(text.AsSpan(0, doctype.Index), lines, text.AsSpan(doctype.Index + doctype.Length));
    }

    private static string MapEntities(string text, string file, Dictionary<string, string> declared)
    {
        return EntityReference().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }
            if (declared.TryGetValue(name, out var value))
            {
                return SecurityElementEscape(value);
            }
            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded != m.Value)
            {
                return SecurityElementEscape(decoded);
            }
            throw new StsFormatException(file, LineOf(text, m.Index), $"the entity &{name}; is unknown (only HTML's named entities and the file's own plain-text ones are read)");
        });
    }

    private static string SecurityElementEscape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string DeclareDtdNamespaces(string text)
    {
        var root = RootTag(text);
        if (root < 0)
        {
            return text;
        }
        var end = text.IndexOf('>', root);
        if (end < 0)
        {
            return text;
        }
        var tag = text.AsSpan(root, end - root);
        var nameEnd = root + 1;
        while (nameEnd < text.Length && !char.IsWhiteSpace(text[nameEnd]) && text[nameEnd] is not ('>' or '/'))
        {
            nameEnd++;
        }
        var add = new StringBuilder();
        foreach (var (prefix, uri) in DtdNamespaces)
        {
            if (!tag.Contains($"xmlns:{prefix}=", StringComparison.Ordinal) && text.Contains($"{prefix}:", StringComparison.Ordinal))
            {
                add.Append(" xmlns:").Append(prefix).Append("=\"").Append(uri).Append('"');
            }
        }
        return add.Length == 0 ? text : text.Insert(nameEnd, add.ToString());
    }

    /// <summary>Where the root element's start tag begins, past the XML declaration, comments and processing instructions.</summary>
    private static int RootTag(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = text.IndexOf('<', i);
            if (i < 0 || i + 1 >= text.Length)
            {
                return -1;
            }
            if (text.AsSpan(i).StartsWith("<!--"))
            {
                var close = text.IndexOf("-->", i, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 3;
            }
            else if (text[i + 1] is '?' or '!')
            {
                var close = text.IndexOf('>', i);
                i = close < 0 ? text.Length : close + 1;
            }
            else
            {
                return i;
            }
        }
        return -1;
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, Math.Min(index, text.Length)).Count('\n');

    [GeneratedRegex("""<!DOCTYPE\s+[^\s\[>]+(?:\s+(?:SYSTEM|PUBLIC)(?:\s+(?:"[^"]*"|'[^']*')){1,2})?\s*(?:\[(?<subset>.*?)\]\s*)?>""", RegexOptions.Singleline)]
    private static partial Regex Doctype();

    [GeneratedRegex("""<!ENTITY\s+(?<pe>%\s+)?(?<name>[^\s]+)\s+(?:(?<external>SYSTEM|PUBLIC)[^>]*|"(?<value>[^"]*)"|'(?<value>[^']*)')\s*>""", RegexOptions.Singleline)]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9._-]*);")]
    private static partial Regex EntityReference();
}
