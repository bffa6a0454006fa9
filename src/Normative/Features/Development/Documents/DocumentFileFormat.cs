namespace Normative.Features.Development.Documents;

/// <summary>The file formats the register takes, known by the file's extension and checked against its content.</summary>
public enum DocumentFileFormat
{
    Pdf,
    Docx,
    /// <summary>ISO STS (or NISO STS) XML: root element <c>standard</c> or <c>adoption</c>.</summary>
    StsXml,
}
