using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Development;
using Normative.Features.Development.Documents;
using Normative.Storage;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>The register's upload: numbers in series, file and row kept together, bad files refused with nothing stored.</summary>
public class CommitteeDocumentsTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static CommitteeDocumentDraft Draft(string fileName, string title = "Working draft", int? supersedes = null, int? projectId = null) =>
        new(fileName, title, DocumentType.WorkingDraft, new DateOnly(2026, 12, 1), DocumentAudience.Committee, projectId, supersedes);

    private Task<Attempt<CommitteeDocument>> UploadAsync(int committeeId, CommitteeDocumentDraft draft, byte[] content, long maxBytes = 10_000_000) =>
        _world.WithServicesAsync(sp => CommitteeDocuments.UploadAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<IFileStore>(),
            new DocumentLimits { MaxUploadBytes = maxBytes }, committeeId, draft, new MemoryStream(content), DateTimeOffset.UtcNow));

    private Task<byte[]> ReadBackAsync(Guid fileId) => _world.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<NormativeDb>();
        var file = await db.StoredFiles.SingleAsync(f => f.Id == fileId);
        await using var stream = await sp.GetRequiredService<IFileStore>().OpenReadAsync(db, file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    });

    [Fact]
    public async Task UploadsAreNumberedInTheCommitteesSeriesAndReadBackUnchanged()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        // Larger than a chunk, so it is stored in several and read back across them.
        var big = DocumentSamples.Pdf(new string('x', PostgresFileStore.ChunkSize * 2 + 123));

        var first = await UploadAsync(committee.Id, Draft("WD1.pdf"), big);
        var second = await UploadAsync(committee.Id, Draft("WD2.docx", "Working draft 2", supersedes: 1), DocumentSamples.Docx());
        var third = await UploadAsync(committee.Id, Draft("WD3.xml", "Working draft 3"), DocumentSamples.Sts());

        Assert.True(first.Succeeded && second.Succeeded && third.Succeeded, first.Error?.Key ?? second.Error?.Key ?? third.Error?.Key);
        Assert.Equal((1, 2, 3), (first.Value.Number, second.Value.Number, third.Value.Number));
        Assert.Equal($"{committee.Reference} N 2", CommitteeDocuments.Reference(committee.Reference, second.Value.Number));
        Assert.Equal(first.Value.Id, second.Value.SupersedesId);
        Assert.Equal(("application/pdf", "application/xml"), (first.Value.ContentType, third.Value.ContentType));
        var stored = await factory.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == first.Value.FileId));
        Assert.Equal((big.LongLength, Convert.ToHexStringLower(SHA256.HashData(big))), (stored.Size, stored.Sha256));
        Assert.Equal(big, await ReadBackAsync(first.Value.FileId));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM stored_file_chunks WHERE file_id = {first.Value.FileId}").SingleAsync()));
    }

    [Fact]
    public async Task FiftyConcurrentUploadsGetFiftyConsecutiveNumbers()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);

        var uploads = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() => UploadAsync(committee.Id, Draft($"N{i}.pdf", $"Contribution {i}"), DocumentSamples.Pdf($"contribution {i}")))));

        Assert.All(uploads, u => Assert.True(u.Succeeded, u.Error?.Key));
        Assert.Equal(Enumerable.Range(1, 50), uploads.Select(u => u.Value!.Number).Order());
        Assert.Equal(Enumerable.Range(1, 50), await factory.WithDbAsync(db => db.CommitteeDocuments.Where(d => d.CommitteeId == committee.Id).OrderBy(d => d.Number).Select(d => d.Number).ToListAsync()));
    }

    [Fact]
    public async Task BadFilesAreRefusedAndNothingIsStoredOrNumbered()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (other, _, _) = await _world.CommitteeAsync(1);
        var otherProject = await _world.ProjectAsync(other.Id, "ISO 24492");
        var filesBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        var refusals = new (CommitteeDocumentDraft Draft, byte[] Content, long Max, int Status, string Key)[]
        {
            (Draft("N.pdf"), [], 1000, 400, "Error.Document.Empty"),
            (Draft("N.pdf"), DocumentSamples.Pdf(new string('x', 2000)), 1000, 413, "Error.Document.TooLarge"),
            (Draft("N.pdf"), DocumentSamples.Pdf(new string('x', PostgresFileStore.ChunkSize + 10)), PostgresFileStore.ChunkSize + 5, 413, "Error.Document.TooLarge"),
            (Draft("N.pdf"), DocumentSamples.Docx(), 1_000_000, 400, "Error.Document.Mismatch"),
            (Draft("N.docx"), DocumentSamples.Zip(), 1_000_000, 400, "Error.Document.Mismatch"),
            (Draft("N.docx"), DocumentSamples.Pdf(), 1_000_000, 400, "Error.Document.Mismatch"),
            (Draft("N.xml"), "<standard><p></standard>"u8.ToArray(), 1_000_000, 400, "Error.Document.MalformedXml"),
            (Draft("N.xml"), "<html/>"u8.ToArray(), 1_000_000, 400, "Error.Document.NotSts"),
            (Draft("N.xml"), "<standard><p>&nosuchentity;</p></standard>"u8.ToArray(), 1_000_000, 400, "Error.Document.StsUnreadable"),
            (Draft("N.exe"), DocumentSamples.Pdf(), 1_000_000, 400, "Error.Document.Extension"),
            (Draft("N.pdf", title: " "), DocumentSamples.Pdf(), 1_000_000, 400, "Error.Document.Title"),
            (Draft("N.pdf", supersedes: 7), DocumentSamples.Pdf(), 1_000_000, 400, "Error.Document.Supersedes"),
            (Draft("N.pdf", projectId: otherProject.Id), DocumentSamples.Pdf(), 1_000_000, 400, "Error.Document.Project"),
        };
        foreach (var (draft, content, max, status, key) in refusals)
        {
            var refused = await UploadAsync(committee.Id, draft, content, max);
            Assert.False(refused.Succeeded, key);
            Assert.Equal((status, key), (refused.Error.Status, refused.Error.Key));
        }

        Assert.Equal(filesBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == committee.Id)));
        // No number was used up: the first accepted document is N 1.
        var accepted = await UploadAsync(committee.Id, Draft("N.pdf"), DocumentSamples.Pdf());
        Assert.Equal(1, accepted.Value!.Number);
    }

    [Fact]
    public async Task AnStsFileTheDraftReaderWouldRefuseIsRefusedAtUploadForTheSameReason()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        const string xml = "<standard>\n<body><sec><label>1</label><title>Scope</title><p>Wrong &nosuchentity; here.</p></sec></body>\n</standard>";
        StsReader.Read(xml, out var readerReason);
        Assert.NotNull(readerReason);

        var refused = await UploadAsync(committee.Id, Draft("N1.xml"), System.Text.Encoding.UTF8.GetBytes(xml));

        Assert.Equal((400, "Error.Document.StsUnreadable"), (refused.Error!.Status, refused.Error.Key));
        var reason = (string)refused.Error.Args[1];
        Assert.Contains("line 2: the entity &nosuchentity; is unknown", reason, StringComparison.Ordinal);
        Assert.Equal(readerReason!.Replace("draft,", "N1.xml,", StringComparison.Ordinal), reason);
        Assert.False(await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task AStoredFileThatNoLongerMatchesItsChecksumFailsToRead()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var uploaded = await UploadAsync(committee.Id, Draft("N.pdf"), DocumentSamples.Pdf());
        var fileId = uploaded.Value!.FileId;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE stored_file_chunks SET data = overlay(data placing '\\x00'::bytea from 10) WHERE file_id = {fileId}"));

        await Assert.ThrowsAsync<FileCorruptException>(() => ReadBackAsync(fileId));
    }
}
