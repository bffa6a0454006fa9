using Microsoft.Extensions.Options;
using MimeKit;
using Normative.Data;

namespace Normative.Mail;

/// <summary>
/// Without an SMTP server, each mail is written as an .eml file into the pickup folder, where a
/// developer (or the development Mailbox page) reads it.
/// </summary>
public sealed class PickupMailSender(IOptions<MailSettings> options, IConfiguration configuration) : IMailSender
{
    public string PickupDirectory => PickupDirectoryFor(options.Value, configuration);

    public static string PickupDirectoryFor(MailSettings settings, IConfiguration configuration) =>
        settings.PickupDirectory is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(DataFolder.Resolve(configuration), "mail");

    public async Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        Directory.CreateDirectory(PickupDirectory);
        var outcomes = new List<Delivery>(messages.Count);
        foreach (var message in messages)
        {
            var partial = Path.Combine(PickupDirectory, Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                await message.WriteToAsync(partial, ct);
                // Written under another name first, so a reader never sees half a mail. A mail from the
                // outbox is named by its outbox id: when the app dies after writing it but before the
                // outbox records it sent, the next round writes the same name, and the folder holds it once.
                File.Move(partial, Path.Combine(PickupDirectory, FileName(message)), overwrite: true);
                outcomes.Add(Delivery.Sent);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcomes.Add(Delivery.TryLater($"Cannot write to {PickupDirectory}: {e.Message}"));
            }
        }
        return outcomes;
    }

    private static string FileName(MimeMessage message) =>
        long.TryParse(message.Headers[OutboxProcessor.IdHeader], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? $"outbox-{id}.eml"
            : Guid.NewGuid().ToString("N") + ".eml";
}
