using System.Data;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Normative.Storage;

/// <summary>
/// A stored file's content read chunk by chunk from one open query, hashing what passes: when the last
/// byte is read the SHA-256 must be the one recorded, or the read fails (logged) before those bytes are
/// handed on. It may be positioned once, before the first read (an HTTP range request): the query then
/// starts at the chunk holding that byte, and a part of the file is not checked — the checksum is of the whole.
/// </summary>
internal sealed class StoredFileStream(StoredFile file, NpgsqlConnection connection, DatabaseFacade? closeAfter, ILogger logger) : Stream
{
    // The first chunk is cut to start at the requested byte; the others come whole.
    private const string Query = """
        SELECT CASE WHEN seq = $2 THEN substring(data FROM $3 + 1) ELSE data END
        FROM stored_file_chunks WHERE file_id = $1 AND seq >= $2 ORDER BY seq
        """;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;
    private Stream? _chunk;
    private bool _ended;
    private long _start;
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => _reader is null;
    public override bool CanWrite => false;
    public override long Length => file.Size;

    public override long Position
    {
        get => _start + _read;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_reader is null && !_ended)
        {
            _reader = Command().ExecuteReader(CommandBehavior.SequentialAccess);
        }
        while (!_ended)
        {
            if (_chunk is null)
            {
                if (!_reader!.Read())
                {
                    End();
                    return 0;
                }
                _chunk = _reader.GetStream(0);
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
        if (_reader is null && !_ended)
        {
            _reader = await Command().ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        }
        while (!_ended)
        {
            if (_chunk is null)
            {
                if (!await _reader!.ReadAsync(cancellationToken))
                {
                    End();
                    return 0;
                }
                _chunk = await _reader.GetFieldValueAsync<Stream>(0, cancellationToken);
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

    private NpgsqlCommand Command()
    {
        _command = new NpgsqlCommand(Query, connection);
        _command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = file.Id });
        _command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)(_start / PostgresFileStore.ChunkSize) });
        _command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)(_start % PostgresFileStore.ChunkSize) });
        return _command;
    }

    private int Took(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _read += bytes.Length;
        // Checked as the last bytes arrive, so a reader that stops at the length (as an HTTP response
        // of known length does) never passes on a file that is not the one stored.
        if (_start + _read >= file.Size)
        {
            End();
        }
        return bytes.Length;
    }

    private void End()
    {
        if (_ended)
        {
            return;
        }
        _ended = true;
        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (_start == 0 && (_read != file.Size || actual != file.Sha256))
        {
            logger.LogError("Stored file {FileId} ({Name}) read back {Read} bytes with SHA-256 {Actual}; recorded {Size} bytes, {Expected}",
                file.Id, file.Name, _read, actual, file.Size, file.Sha256);
            throw new FileCorruptException(file.Id, file.Sha256, actual);
        }
        if (_start > 0 && _start + _read != file.Size)
        {
            logger.LogError("Stored file {FileId} ({Name}) read back {Read} bytes from byte {Start}; recorded {Size} bytes", file.Id, file.Name, _read, _start, file.Size);
            throw new FileCorruptException(file.Id, file.Sha256, "");
        }
    }

    public override void Flush()
    {
    }

    /// <summary>Only before the first read, and only within the file.</summary>
    public override long Seek(long offset, SeekOrigin origin)
    {
        if (_reader is not null)
        {
            throw new NotSupportedException("A stored file is positioned before it is read.");
        }
        var position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _start + offset,
            _ => file.Size + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, file.Size);
        _start = position;
        _ended = position == file.Size;
        return position;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunk?.Dispose();
            _reader?.Dispose();
            _command?.Dispose();
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
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }
        if (closeAfter is not null)
        {
            await closeAfter.CloseConnectionAsync();
        }
        _hash.Dispose();
        GC.SuppressFinalize(this);
    }
}
