using System.Data;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Npgsql;
using NpgsqlTypes;

namespace Normative.Storage;

/// <summary>
/// Files in PostgreSQL: a <c>stored_files</c> row and the content in <c>stored_file_chunks</c> of
/// <see cref="ChunkSize"/> bytes. In by binary COPY (one command, a chunk at a time), out by one
/// query read row by row, so memory stays at a chunk or two whatever the file's size. Plain tables
/// rather than large objects: they work through PgBouncer, are in every backup and replica, and
/// go when their row goes.
/// </summary>
public sealed class PostgresFileStore(ILogger<PostgresFileStore> logger, TimeProvider clock) : IFileStore
{
    public const int ChunkSize = 1024 * 1024;

    public async Task<StoredFile> SaveAsync(NormativeDb db, Stream content, FileUpload upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(upload);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            var file = new StoredFile { Id = Guid.CreateVersion7(), Name = upload.Name, ContentType = upload.ContentType, Sha256 = "", CreatedAt = clock.GetUtcNow() };
            await using (var insert = new NpgsqlCommand("INSERT INTO stored_files (id, name, content_type, size, sha256, created_at) VALUES ($1, $2, $3, 0, '', $4)", conn))
            {
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = file.Id });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.Name });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.ContentType });
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = file.CreatedAt });
                await insert.ExecuteNonQueryAsync(ct);
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ChunkSize];
            long size = 0;
            await using (var copy = await conn.BeginBinaryImportAsync("COPY stored_file_chunks (file_id, seq, data) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (var seq = 0; ; seq++)
                {
                    var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                    if (filled == 0)
                    {
                        break;
                    }
                    size += filled;
                    if (size > upload.MaxBytes)
                    {
                        // Disposing the importer without completing it cancels the COPY.
                        throw new FileTooLargeException(upload.MaxBytes);
                    }
                    hash.AppendData(buffer, 0, filled);
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(file.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(seq, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(new ArraySegment<byte>(buffer, 0, filled), NpgsqlDbType.Bytea, ct);
                    if (filled < buffer.Length)
                    {
                        break;
                    }
                }
                await copy.CompleteAsync(ct);
            }
            file.Size = size;
            file.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            await using (var update = new NpgsqlCommand("UPDATE stored_files SET size = $2, sha256 = $3 WHERE id = $1", conn))
            {
                update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = file.Id });
                update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = file.Size });
                update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.Sha256 });
                await update.ExecuteNonQueryAsync(ct);
            }
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return file;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public async Task<Stream> OpenReadAsync(NormativeDb db, StoredFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        // Opened here only when closed (a caller's transaction keeps it open, and must keep it so).
        var opened = conn.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        // The query starts at the first read, so the stream may first be positioned (a range request).
        return new StoredFileStream(file, conn, opened ? db.Database : null, logger);
    }
}
