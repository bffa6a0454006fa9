using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Normative.Tests.Mail;

/// <summary>
/// A small SMTP server on 127.0.0.1 for the tests: it accepts mail, refuses recipients whose
/// address starts with "refused" (550, permanent) or "busy" (451, temporary), and counts connections.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public int Port { get; }
    public int Connections => _connections;
    public ConcurrentQueue<(string To, string Data)> Received { get; } = new();

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // Latin-1 keeps every byte of an 8-bit body as one char, so the mail can be parsed back exactly.
            var reader = new StreamReader(stream, Encoding.Latin1);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink.test ESMTP");
            string? to = null;
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync("250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                            break;
                        case "HELO" or "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RSET":
                            to = null;
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "MAIL":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            var address = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                            if (address.StartsWith("refused", StringComparison.Ordinal))
                            {
                                await writer.WriteLineAsync("550 5.1.1 No such user here");
                            }
                            else if (address.StartsWith("busy", StringComparison.Ordinal))
                            {
                                await writer.WriteLineAsync("451 4.3.0 Mailbox busy, try again later");
                            }
                            else
                            {
                                to = address;
                                await writer.WriteLineAsync("250 OK");
                            }
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                            {
                                data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                            }
                            Received.Enqueue((to ?? "", data.ToString()));
                            to = null;
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 Command not implemented");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
