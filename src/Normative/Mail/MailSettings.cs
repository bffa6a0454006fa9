namespace Normative.Mail;

/// <summary>
/// Mail configuration (section "Mail"). With Mail:Smtp:Host set, mail goes out by SMTP; otherwise it is
/// written as .eml files into the data folder's mail/ directory (the embedded default).
/// </summary>
public sealed class MailSettings
{
    public string From { get; set; } = "Normative <no-reply@normative.invalid>";
    public SmtpSettings Smtp { get; set; } = new();
    /// <summary>Where .eml files go when no SMTP host is set; defaults to {data folder}/mail.</summary>
    public string? PickupDirectory { get; set; }
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The first retry waits this long; each further retry waits twice as long, up to an hour.</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    public double PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        /// <summary>How long to wait for the server's answer to one command.</summary>
        public int TimeoutSeconds { get; set; } = 30;
    }
}
