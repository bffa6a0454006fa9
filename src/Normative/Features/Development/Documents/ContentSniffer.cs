namespace Normative.Features.Development.Documents;

/// <summary>
/// Passes an upload's bytes through unchanged while noting what the format check needs: the first
/// bytes, and whether a zip entry named <c>word/document.xml</c> went by (the name is written in the
/// entry's local header and again in the zip's central directory).
/// </summary>
public sealed class ContentSniffer(Stream inner) : Stream
{
    private static readonly byte[] DocxBody = "word/document.xml"u8.ToArray();
    private readonly byte[] _head = new byte[8];
    private int _headLength;
    private int _matched;

    public long BytesRead { get; private set; }

    public bool SawDocxBody { get; private set; }

    public bool StartsWith(ReadOnlySpan<byte> prefix) => _head.AsSpan(0, _headLength).StartsWith(prefix);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Note(buffer[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Note(buffer.Span[..n]);
        return n;
    }

    private void Note(ReadOnlySpan<byte> bytes)
    {
        if (_headLength < _head.Length)
        {
            var take = Math.Min(bytes.Length, _head.Length - _headLength);
            bytes[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }
        BytesRead += bytes.Length;
        if (SawDocxBody)
        {
            return;
        }
        // The name has no repeated prefix, so a mismatch restarts the match (at this byte).
        foreach (var b in bytes)
        {
            _matched = b == DocxBody[_matched] ? _matched + 1 : (b == DocxBody[0] ? 1 : 0);
            if (_matched == DocxBody.Length)
            {
                SawDocxBody = true;
                return;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
