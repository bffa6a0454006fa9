namespace Normative.Features.Certification;

/// <summary>The registry's settings, section Certification (see the README's settings table).</summary>
public sealed class CertificationOptions
{
    public const string Section = "Certification";

    /// <summary>The largest CSV a certification body may upload through the page or the API.</summary>
    public double MaxUploadMegabytes { get; set; } = 64;

    /// <summary>How long the statistics are kept before they are counted again.</summary>
    public double StatisticsMinutes { get; set; } = 10;

    public RateLimitSettings RateLimit { get; set; } = new();

    public ExpiryJobSettings ExpiryJob { get; set; } = new();

    public SearchSettings Search { get; set; } = new();

    public VerificationCacheSettings VerificationCache { get; set; } = new();

    public long MaxUploadBytes => (long)(MaxUploadMegabytes * 1024 * 1024);

    public TimeSpan StatisticsLifetime => TimeSpan.FromMinutes(Math.Max(0.01, StatisticsMinutes));

    /// <summary>The settings as configured, for what is set up at start (the job, the rate limiter, the upload guard).</summary>
    public static CertificationOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<CertificationOptions>() ?? new CertificationOptions();

    /// <summary>Anonymous verification and search: requests per client address per window.</summary>
    public sealed class RateLimitSettings
    {
        public int PermitLimit { get; set; } = 60;
        public double WindowSeconds { get; set; } = 60;
    }

    /// <summary>The job that marks certificates Expired on their expiry date.</summary>
    public sealed class ExpiryJobSettings
    {
        public bool Enabled { get; set; } = true;
        public double IntervalMinutes { get; set; } = 60;
    }

    public sealed class SearchSettings
    {
        /// <summary>A typed word whose variants are in more names than this is too common to search by.</summary>
        public long MaxWordReach { get; set; } = 50_000;
    }

    /// <summary>Verification answers kept in memory until the registry changes (see VerificationCache).</summary>
    public sealed class VerificationCacheSettings
    {
        /// <summary>How many answers each node keeps at most (about 1 KB each); 0 keeps none.</summary>
        public int Entries { get; set; } = 20_000;

        /// <summary>How long an answer is kept at most even if nothing changes.</summary>
        public double Seconds { get; set; } = 600;
    }
}
