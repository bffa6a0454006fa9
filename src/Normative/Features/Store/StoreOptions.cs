namespace Normative.Features.Store;

/// <summary>The store's settings (section "Store" in configuration).</summary>
public sealed class StoreOptions
{
    /// <summary>How many times a licensed PDF can be downloaded.</summary>
    public int DownloadLimit { get; set; } = 5;

    /// <summary>
    /// The most named seats a multi-user PDF licence (bought for an organisation) may have, at most 99;
    /// 1 sells PDFs to one person only. Each seat has <see cref="DownloadLimit"/> downloads of its own.
    /// </summary>
    public int MaxSeats { get; set; } = 50;

    /// <summary>
    /// Whether the test payment provider may take "card payments" when Stripe is not configured.
    /// Unset: only in Development. Never turn it on for a public site.
    /// </summary>
    public bool? TestProvider { get; set; }

    /// <summary>Bank details printed on pro-forma invoices.</summary>
    public string? BankAccount { get; set; }

    public AlertOptions Alerts { get; set; } = new();

    public TaxOptions Tax { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();

    public sealed class AlertOptions
    {
        /// <summary>Runs the background job that mails alerts; off in tests that drive the job themselves.</summary>
        public bool Enabled { get; set; } = true;

        public double IntervalMinutes { get; set; } = 60;
    }

    /// <summary>The seller's currency and VAT rules (<see cref="Store.Tax.TaxRegime"/>).</summary>
    public sealed class TaxOptions
    {
        /// <summary>A shipped regime: CH (Swiss francs, Swiss VAT) or DE (euros, German VAT with the EU's rules).</summary>
        public string Regime { get; set; } = "CH";

        /// <summary>A regime file of the deployment's own, in the shipped files' shape; wins over <see cref="Regime"/>.</summary>
        public string? File { get; set; }
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
