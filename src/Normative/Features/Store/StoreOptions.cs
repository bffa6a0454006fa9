namespace Normative.Features.Store;

/// <summary>The store's settings (section "Store" in configuration).</summary>
public sealed class StoreOptions
{
    /// <summary>How many times a licensed PDF can be downloaded.</summary>
    public int DownloadLimit { get; set; } = 5;

    /// <summary>
    /// Whether the test payment provider may take "card payments" when Stripe is not configured.
    /// Unset: only in Development. Never turn it on for a public site.
    /// </summary>
    public bool? TestProvider { get; set; }

    /// <summary>Bank details printed on pro-forma invoices.</summary>
    public string? BankAccount { get; set; }

    public AlertOptions Alerts { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();

    public sealed class AlertOptions
    {
        /// <summary>Runs the background job that mails alerts; off in tests that drive the job themselves.</summary>
        public bool Enabled { get; set; } = true;

        public double IntervalMinutes { get; set; } = 60;
    }

    public sealed class StripeOptions
    {
        public string? SecretKey { get; set; }
        public string? WebhookSecret { get; set; }
        public string BaseUrl { get; set; } = "https://api.stripe.com";
        /// <summary>How old a signed webhook may be, in seconds (Stripe's libraries use 300).</summary>
        public int ToleranceSeconds { get; set; } = 300;
    }
}
