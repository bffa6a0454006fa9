using Normative.Mail;

namespace Normative.Tests.Infrastructure;

/// <summary>The .eml files the app wrote (its embedded mail default), read as a person's inbox.</summary>
public static class Mailbox
{
    public static async Task<EmlReader.Eml> WaitForMailAsync(string folder, string to, Func<EmlReader.Eml, bool>? match = null, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var mail = Read(folder).FirstOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && (match is null || match(m)));
            if (mail is not null)
            {
                return mail;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} arrived in {folder} within {seconds} s.");
    }

    public static List<EmlReader.Eml> Read(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => EmlReader.ReadFile(f)).ToList()
            : [];

    public static string LinkIn(EmlReader.Eml mail, string pathStart)
    {
        var start = mail.Text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = mail.Text.IndexOfAny([' ', '\n', '\r'], start);
            var url = end < 0 ? mail.Text[start..] : mail.Text[start..end];
            var uri = new Uri(url);
            if (uri.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal))
            {
                return uri.PathAndQuery;
            }
            start = mail.Text.IndexOf("http", start + 1, StringComparison.Ordinal);
        }
        throw new InvalidOperationException($"No link to {pathStart} in the mail '{mail.Subject}'.");
    }
}
