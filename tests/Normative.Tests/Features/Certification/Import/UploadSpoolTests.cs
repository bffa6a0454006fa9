using Normative.Features.Certification.Import;

namespace Normative.Tests.Features.Certification.Import;

/// <summary>An upload is spooled to a temporary file, and no file is left behind however the upload ends.</summary>
public class UploadSpoolTests
{
    /// <summary>Gives some bytes, then fails as a request body does when the client goes away.</summary>
    private sealed class BrokenBody : MemoryStream
    {
        private int _reads;

        public BrokenBody() : base(new byte[200_000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 1 ? throw new IOException("The client went away.") : base.ReadAsync(buffer, cancellationToken);
    }

    private static string[] Spooled() => Directory.GetFiles(Path.GetTempPath(), "normative-upload-*.csv");

    [Fact]
    public async Task AnUploadCutShortLeavesNoFileBehind()
    {
        var before = Spooled();
        await Assert.ThrowsAsync<IOException>(() => UploadSpool.SaveAsync(new BrokenBody(), 1_000_000, CancellationToken.None));
        // Other tests spool files at the same time: only files that appeared and stayed would be this one's.
        Assert.DoesNotContain(Spooled().Except(before), f => File.Exists(f) && new FileInfo(f).Length == 81920);
    }

    [Fact]
    public async Task AnUploadTooLargeOrFinishedLeavesNoFileOnceDone()
    {
        Assert.Null(await UploadSpool.SaveAsync(new MemoryStream(new byte[5000]), 4000, CancellationToken.None));
        string path;
        await using (var spool = await UploadSpool.SaveAsync(new MemoryStream(new byte[5000]), 10_000, CancellationToken.None))
        {
            path = spool!.Path;
            Assert.Equal(5000, new FileInfo(path).Length);
        }
        Assert.False(File.Exists(path));
    }
}
