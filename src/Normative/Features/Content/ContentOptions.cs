namespace Normative.Features.Content;

/// <summary>The content feature's settings, section Content (see the README's settings table).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public UpdatesSettings Updates { get; set; } = new();

    /// <summary>The settings as configured, for what is set up at start (the job, the limiter).</summary>
    public static ContentOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ContentOptions>() ?? new ContentOptions();

    public sealed class UpdatesSettings
    {
        /// <summary>Sign-ups per client address per window.</summary>
        public int SignUpPermitLimit { get; set; } = 5;
        public double SignUpWindowSeconds { get; set; } = 600;

        /// <summary>The clean-up of unconfirmed addresses: whether it runs, and how often.</summary>
        public bool CleanupEnabled { get; set; } = true;
        public double CleanupIntervalMinutes { get; set; } = 60;

        /// <summary>The digest job: whether it runs, and how often it looks for a period whose digest is due.</summary>
        public bool DigestEnabled { get; set; } = true;
        public double DigestIntervalMinutes { get; set; } = 15;

        /// <summary>The mailing sender: whether it runs on this node, mails per SMTP connection, how often it looks for work.</summary>
        public bool MailingWorker { get; set; } = true;
        public int MailingBatchSize { get; set; } = 500;
        public double MailingPollSeconds { get; set; } = 5;
        /// <summary>How long a claimed batch is left to its sender before another may take it (a crashed node's batch comes back after this).</summary>
        public double MailingLeaseSeconds { get; set; } = 300;
    }
}
