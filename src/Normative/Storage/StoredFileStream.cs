using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Normative.Storage;

/// <summary>
/// A stored file's content read chunk by chunk from one open query, hashing what passes: at the end
/// the SHA-256 must be the one recorded, or the read fails (logged) instead of ending normally.
/// </summary>
internal sealed class StoredFileStream(StoredFile file, NpgsqlCommand command, NpgsqlDataReader reader, DatabaseFacade? closeAfter, ILogger logger) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Stream? _chunk;
    private bool _ended;
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => file.Size;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_ended)
        {
            if (_chunk is null)
            {
                if (!reader.Read())
                {
                    End();
                    return 0;
                }
                _chunk = reader.GetStream(0);
            }
            var n = _chunk.Read(buffer);
            if (n > 0)
            {
                return Took(buffer[..n]);
            }
            _chunk.Dispose();
            _chunk = null;
        }
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_ended)
        {
            if (_chunk is null)
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    End();
                    return 0;
                }
                _chunk = await reader.GetFieldValueAsync<Stream>(0, cancellationToken);
            }
            var n = await _chunk.ReadAsync(buffer, cancellationToken);
            if (n > 0)
            {
                return Took(buffer.Span[..n]);
            }
            await _chunk.DisposeAsync();
            _chunk = null;
        }
        return 0;
    }

    private int Took(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _read += bytes.Length;
        return bytes.Length;
    }

    private void End()
    {
        _ended = true;
        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (_read != file.Size || actual != file.Sha256)
        {
            logger.LogError("Stored file {FileId} ({Name}) read back {Read} bytes with SHA-256 {Actual}; recorded {Size} bytes, {Expected}",
                file.Id, file.Name, _read, actual, file.Size, file.Sha256);
            throw new FileCorruptException(file.Id, file.Sha256, actual);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunk?.Dispose();
            reader.Dispose();
            command.Dispose();
            closeAfter?.CloseConnection();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_chunk is not null)
        {
            await _chunk.DisposeAsync();
        }
        await reader.DisposeAsync();
        await command.DisposeAsync();
        if (closeAfter is not null)
        {
            await closeAfter.CloseConnectionAsync();
        }
        _hash.Dispose();
        GC.SuppressFinalize(this);
    }
}
