using System.Net;
using System.Net.Http.Headers;

namespace Normative.Tests.Features.Certification.Import;

/// <summary>A request body that claims (or has) a huge length but is made on the fly, so a test can send "2 GB" without holding it.</summary>
public sealed class HugeContent : HttpContent
{
    private readonly long _length;
    private readonly bool _declareLength;

    public HugeContent(long length, string contentType, bool declareLength = true)
    {
        _length = length;
        _declareLength = declareLength;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    public long BytesSent { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        try
        {
            while (BytesSent < _length)
            {
                var n = (int)Math.Min(chunk.Length, _length - BytesSent);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                BytesSent += n;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The server stopped reading: that is the point.
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return _declareLength;
    }
}
