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
    }
}
