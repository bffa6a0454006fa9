using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using Normative.Data;

namespace Normative.Mail;

/// <summary>
/// Sends through an SMTP server when one is configured; otherwise writes each mail as an .eml file
/// into the pickup folder, where a developer (or the Mailbox page) can read it.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailSettings> options, IConfiguration configuration) : IMailSender
{
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public string PickupDirectory => PickupDirectoryFor(options.Value, configuration);

    public static string PickupDirectoryFor(MailSettings settings, IConfiguration configuration) =>
        settings.PickupDirectory is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(DataFolder.Resolve(configuration), "mail");

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        if (UsesSmtp)
        {
            client.Host = settings.Smtp.Host!;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.EnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }
        }
        else
        {
            Directory.CreateDirectory(PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory;
        }
        await client.SendMailAsync(message, ct);
    }
}
