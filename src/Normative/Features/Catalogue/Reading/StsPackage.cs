using System.IO.Compression;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// An STS text as it arrives: its XML and the files its graphics name (<c>xlink:href</c>), either a
/// .zip holding both or the files beside an XML file on disk. Only names inside the package are
/// looked up: an href with a scheme, a root or "..", is never followed.
/// </summary>
public sealed class StsPackage
{
    /// <summary>Larger than any figure of a standard; a bigger file is reported, not loaded.</summary>
    public const int MaxGraphicBytes = 10 * 1024 * 1024;

    /// <summary>The most a .zip may hold once unpacked (its XML and every graphic).</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private readonly Func<string, byte[]?> _open;

    private StsPackage(string name, byte[] xml, Func<string, byte[]?> open)
    {
        Name = name;
        Xml = xml;
        _open = open;
    }

    /// <summary>The name the messages give (the .zip's, or the XML file's).</summary>
    public string Name { get; }

    public byte[] Xml { get; }

    /// <summary>An XML file alone: every graphic it names is missing.</summary>
    public static StsPackage Of(string name, byte[] xml) => new(name, xml, _ => null);

    /// <summary>An XML file on disk, its graphics the files beside it.</summary>
    public static StsPackage Beside(string path, byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new(path, xml, relative =>
        {
            var full = Path.GetFullPath(Path.Combine(folder, relative));
            if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            {
                return null;
            }
            if (new FileInfo(full).Length > MaxGraphicBytes)
            {
                throw new StsGraphicException($"{relative} is larger than {MaxGraphicBytes / (1024 * 1024)} MB");
            }
            return File.ReadAllBytes(full);
        });
    }

    /// <summary>
    /// A .zip holding one STS XML file and its graphics (in its folder or below it). Read whole
    /// here, within <see cref="MaxUnpackedBytes"/>, whatever sizes the archive claims.
    /// </summary>
    public static StsPackage FromZip(string name, Stream zip)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new StsFormatException(name, 0, "the file is not a readable .zip");
        }
        using (archive)
        {
            var entries = archive.Entries.Where(e => e.FullName.Length > 0 && !e.FullName.EndsWith('/')).ToList();
            var xmls = entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
            if (xmls.Count != 1)
            {
                throw new StsFormatException(name, 0, xmls.Count == 0
                    ? "the .zip holds no .xml file"
                    : $"the .zip holds {xmls.Count} .xml files ({string.Join(", ", xmls.Take(3).Select(e => e.FullName))}); a package holds one text");
            }
            var xmlEntry = xmls[0];
            long unpacked = 0;
            var xml = Read(xmlEntry, StsXml.MaxBytes, $"the text {xmlEntry.FullName} is larger than {StsXml.MaxBytes / (1024 * 1024)} MB");
            var folder = xmlEntry.FullName.Contains('/') ? xmlEntry.FullName[..(xmlEntry.FullName.LastIndexOf('/') + 1)] : "";
            var files = new Dictionary<string, byte[]?>(StringComparer.OrdinalIgnoreCase);
            var tooLarge = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries.Where(e => e != xmlEntry && e.FullName.StartsWith(folder, StringComparison.Ordinal)))
            {
                var relative = entry.FullName[folder.Length..];
                if (entry.Length > MaxGraphicBytes)
                {
                    tooLarge.Add(relative);
                    continue;
                }
                var bytes = Read(entry, MaxGraphicBytes, null);
                if (bytes is null)
                {
                    tooLarge.Add(relative);
                    continue;
                }
                unpacked += bytes.Length;
                if (unpacked > MaxUnpackedBytes)
                {
                    throw new StsFormatException(name, 0, $"the .zip unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB");
                }
                files[relative] = bytes;
            }
            // Graphics are often in a folder of their own while the XML names them bare.
            var byName = files.GroupBy(f => f.Key[(f.Key.LastIndexOf('/') + 1)..], StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Value, StringComparer.OrdinalIgnoreCase);
            return new(name, xml!, relative =>
            {
                if (tooLarge.Contains(relative))
                {
                    throw new StsGraphicException($"{relative} is larger than {MaxGraphicBytes / (1024 * 1024)} MB");
                }
                return files.GetValueOrDefault(relative) ?? (relative.Contains('/') ? null : byName.GetValueOrDefault(relative));
            });

            byte[]? Read(ZipArchiveEntry entry, int max, string? tooLargeMessage)
            {
                try
                {
                    using var stream = entry.Open();
                    using var buffer = new MemoryStream();
                    var chunk = new byte[81920];
                    int n;
                    while ((n = stream.Read(chunk)) > 0)
                    {
                        if (buffer.Length + n > max)
                        {
                            return tooLargeMessage is null ? null : throw new StsFormatException(name, 0, tooLargeMessage);
                        }
                        buffer.Write(chunk, 0, n);
                    }
                    return buffer.ToArray();
                }
                catch (InvalidDataException)
                {
                    throw new StsFormatException(name, 0, $"{entry.FullName} in the .zip cannot be unpacked");
                }
            }
        }
    }

    /// <summary>
    /// The graphic an href names: the file itself when it is a web image, else a web copy beside it
    /// with the same name and a web extension (fig1.tif → fig1.png). A problem says why there is none.
    /// </summary>
    public (string? Found, byte[]? Bytes, string? ContentType, string? Problem) Graphic(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        var relative = href.Trim().Replace('\\', '/');
        if (relative.Length == 0 || relative.Contains("://", StringComparison.Ordinal) || relative.StartsWith('/') || relative.Contains(':')
            || relative.Split('/').Any(s => s is ".." or "."))
        {
            return (null, null, null, $"the graphic \"{href}\" is not a file of the package");
        }
        var extension = Path.GetExtension(relative);
        var stem = extension.Length > 0 ? relative[..^extension.Length] : relative;
        string? refused = null;
        foreach (var candidate in new[] { relative }.Concat(StsGraphicTypes.WebExtensions.Select(e => stem + e)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            byte[]? bytes;
            try
            {
                bytes = _open(candidate);
            }
            catch (StsGraphicException e)
            {
                return (null, null, null, $"the graphic {e.Message}");
            }
            if (bytes is null)
            {
                continue;
            }
            if (StsGraphicTypes.ContentTypeOf(bytes) is { } type)
            {
                return (candidate, bytes, type, null);
            }
            refused ??= $"the graphic {candidate} is {StsGraphicTypes.KindOf(bytes)}, which browsers do not show: add a PNG, JPEG, GIF or SVG copy named {stem}.png (or .jpg, .gif, .svg)";
        }
        return (null, null, null, refused ?? $"the graphic {href} is not in the package");
    }
}
