using System.IO.Compression;
using System.Text;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>Small files of each format the register takes, and some it must refuse.</summary>
public static class DocumentSamples
{
    public static byte[] Pdf(string text = "sample") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[]
            {
                ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"),
            })
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A zip that is not a Word document.</summary>
    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a word document");
        }
        return buffer.ToArray();
    }

    /// <summary>STS as ISO's samples write it: a DOCTYPE naming a DTD that is not there, and named entities it would declare.</summary>
    public static byte[] Sts(string title = "Quality management") => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "../ISOSTS.dtd">
        <standard><front><iso-meta><title-wrap><main>{title}&mdash;Requirements</main></title-wrap></iso-meta></front>
        <body><sec id="sec_1"><label>1</label><title>Scope</title><p>This document&nbsp;specifies.</p></sec></body></standard>
        """);
}
