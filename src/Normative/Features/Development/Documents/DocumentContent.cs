using System.Xml;

namespace Normative.Features.Development.Documents;

/// <summary>
/// Which formats the register takes and whether a file's content is what its extension says: PDF
/// starts with <c>%PDF-</c>, a .docx is a zip (<c>PK</c>) holding <c>word/document.xml</c>, STS XML is
/// well-formed with root <c>standard</c> or <c>adoption</c>.
/// </summary>
public static class DocumentContent
{
    public static DocumentFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => DocumentFileFormat.Pdf,
        ".docx" => DocumentFileFormat.Docx,
        ".xml" => DocumentFileFormat.StsXml,
        _ => null,
    };

    public static string ContentType(DocumentFileFormat format) => format switch
    {
        DocumentFileFormat.Pdf => "application/pdf",
        DocumentFileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/xml",
    };

    /// <summary>Whether what streamed through <paramref name="seen"/> looks like <paramref name="format"/> (STS XML is read again by <see cref="CheckStsXml"/>).</summary>
    public static bool Matches(DocumentFileFormat format, ContentSniffer seen) => format switch
    {
        DocumentFileFormat.Pdf => seen.StartsWith("%PDF-"u8),
        DocumentFileFormat.Docx => seen.StartsWith("PK\u0003\u0004"u8) && seen.SawDocxBody,
        _ => true,
    };

    /// <summary>
    /// Null when <paramref name="xml"/> is well-formed STS; otherwise why not (a DevelopmentText key).
    /// The document type declaration is skipped and entity references are left as references: no DTD
    /// or external entity is ever fetched or expanded (no XXE, no entity expansion bombs), and named
    /// entities such as <c>&amp;mdash;</c> that the STS DTD would declare are accepted.
    /// </summary>
    public static string? CheckStsXml(Stream xml)
    {
        using var reader = new XmlTextReader(xml)
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            EntityHandling = EntityHandling.ExpandCharEntities,
            // The STS DTD declares namespace prefixes (tbx:, mml:) as fixed attributes; unread, they would look undeclared.
            Namespaces = false,
        };
        try
        {
            string? root = null;
            while (reader.Read())
            {
                if (root is null && reader.NodeType == XmlNodeType.Element)
                {
                    root = reader.Name[(reader.Name.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    if (root is not ("standard" or "adoption"))
                    {
                        return "Error.Document.NotSts";
                    }
                }
            }
            return root is null ? "Error.Document.NotSts" : null;
        }
        catch (XmlException)
        {
            return "Error.Document.MalformedXml";
        }
    }
}
