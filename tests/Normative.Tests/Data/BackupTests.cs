using System.Security.Cryptography;
using Normative.Data;
using Normative.Mail;
using Normative.Tests.Features.Store;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Data;

public class BackupTests(StoreFactory source) : IClassFixture<StoreFactory>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("normative-backup-test-");

    public void Dispose()
    {
        _work.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private static async Task<Dictionary<string, long>> RowsAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        return await Backup.CountRowsAsync(conn, null, CancellationToken.None);
    }

    private static async Task<List<string>> UploadedFileHashesAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT file_name || ' ' || encode(sha256(content), 'hex') FROM source_files ORDER BY id", conn);
        var hashes = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hashes.Add(reader.GetString(0));
        }
        return hashes;
    }

    private static Dictionary<string, string> FolderHashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static Task<CliProcess.Result> CliAsync(string connectionString, string dataDirectory, params string[] args) =>
        CliProcess.RunAsync(null, [.. args, "--ConnectionStrings:Normative=" + connectionString, "--Normative:DataDirectory=" + dataDirectory]);

    [Fact]
    public async Task ARoundTripKeepsEveryRowAndEveryFileAndARestoreNeverOverwritesDataUnlessTold()
    {
        var deliverable = await StoreTestData.AddDeliverableAsync(source);
        await StoreTestData.AddSourceFileAsync(source, deliverable);
        var user = await source.CreateUserAsync("Customer");
        await source.WithDbAsync(db =>
        {
            Outbox.Enqueue(db, user.Email!, "Backed up — сохранено", "A mail in the pickup folder.");
            return db.SaveChangesAsync();
        });
        await Mailbox.WaitForMailAsync(source.MailDirectory, user.Email!);
        var file = Path.Combine(_work.FullName, "site.backup");

        var backup = await CliAsync(source.ConnectionString, source.DataDirectory, "backup", file);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Equal("", backup.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var target = await TestCluster.CreateDatabaseAsync();
        var targetData = Path.Combine(_work.FullName, "restored");
        var restore = await CliAsync(target, targetData, "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Error);

        var expected = await RowsAsync(source.ConnectionString);
        Assert.Equal(expected, await RowsAsync(target));
        Assert.Contains(expected, t => t.Key == "source_files" && t.Value > 0);
        Assert.Equal(await UploadedFileHashesAsync(source.ConnectionString), await UploadedFileHashesAsync(target));
        var mail = FolderHashes(source.MailDirectory);
        Assert.NotEmpty(mail);
        Assert.Equal(mail, FolderHashes(Path.Combine(targetData, "mail")));

        // The target holds data now: a second restore is refused and changes nothing.
        await using (var conn = new NpgsqlConnection(target))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("DELETE FROM source_files", conn).ExecuteNonQueryAsync();
        }
        var refused = await CliAsync(target, targetData, "restore", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);
        Assert.Empty(await UploadedFileHashesAsync(target));

        var replaced = await CliAsync(target, targetData, "restore", file, "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.Equal(expected, await RowsAsync(target));
        Assert.Single(Directory.GetFiles(_work.FullName, "site.backup.replaced-*"));
    }

    [Fact]
    public async Task ADamagedBackupIsRefusedBeforeAnythingChanges()
    {
        var file = Path.Combine(_work.FullName, "damaged.backup");
        Assert.Equal(0, (await CliAsync(source.ConnectionString, source.DataDirectory, "backup", file)).ExitCode);
        var bytes = await File.ReadAllBytesAsync(file);
        // Somewhere inside the dump (past the tar headers and the manifest at the start).
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        var target = await TestCluster.CreateDatabaseAsync();
        var before = await RowsAsync(target);
        var result = await CliAsync(target, Path.Combine(_work.FullName, "d"), "restore", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("damaged", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(target));
    }
}
