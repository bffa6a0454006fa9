namespace Normative.Features.Certification.Import;

/// <summary>
/// Copies an upload to a temporary file, refusing it as soon as it passes the size limit, so that a
/// huge body neither fills memory nor reaches the database. The file deletes itself when disposed.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private UploadSpool(string path) => Path = path;

    public string Path { get; }

    /// <returns>The spooled file, or null when the body is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<UploadSpool?> SaveAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var spool = new UploadSpool(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "normative-upload-" + Guid.NewGuid().ToString("N") + ".csv"));
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            await using var file = new FileStream(spool.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    await file.DisposeAsync();
                    await spool.DisposeAsync();
                    return null;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            // A client that goes away mid-upload (or a body that cannot be read) leaves no file behind in /tmp.
            await spool.DisposeAsync();
            throw;
        }
        return spool;
    }

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
