using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The rules of double opt-in on the database: sign up (pending), confirm, change preferences,
/// unsubscribe, and the clean-up of addresses never confirmed. Each change writes a consent record;
/// the caller saves.
/// </summary>
public static class Subscriptions
{
    /// <summary>Mails one address may get from sign-ups per day.</summary>
    public const int MailsPerDay = 3;

    public static readonly TimeSpan UnconfirmedLifetime = TimeSpan.FromDays(30);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static async Task<(Subscriber Subscriber, SignUpOutcome Outcome)> SignUpAsync(NormativeDb db, SignUpRequest request, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var email = Normalize(request.Email);
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Email == email, ct);
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Email = email,
                Language = request.Language,
                Topics = [.. request.Topics],
                Status = SubscriberStatus.Pending,
                CreatedAt = now,
                ConfirmationNonce = NewNonce(),
                ConfirmationSentAt = now,
                ConfirmationMails = 1,
                DigestFrequency = request.Frequency,
            };
            db.Subscribers.Add(subscriber);
            Record(subscriber, SubscriptionEventKind.SignUp, now, request.ClientAddress, request.FormText, request.Language, request.Topics);
            return (subscriber, SignUpOutcome.SendConfirmation);
        }

        if (subscriber.ConfirmationSentAt < now.AddDays(-1))
        {
            subscriber.ConfirmationMails = 0;
        }
        if (subscriber.ConfirmationMails >= MailsPerDay)
        {
            return (subscriber, SignUpOutcome.NoMail);
        }
        subscriber.ConfirmationMails++;
        subscriber.ConfirmationSentAt = now;
        if (subscriber.Status == SubscriberStatus.Confirmed)
        {
            // Whoever filled in the form may not own the address: the subscription stays as its owner left it.
            return (subscriber, SignUpOutcome.SendAlreadySubscribed);
        }
        subscriber.Status = SubscriberStatus.Pending;
        subscriber.Language = request.Language;
        subscriber.Topics = [.. request.Topics];
        subscriber.DigestFrequency = request.Frequency;
        subscriber.ConfirmationNonce = NewNonce();
        Record(subscriber, SubscriptionEventKind.SignUp, now, request.ClientAddress, request.FormText, request.Language, request.Topics);
        return (subscriber, SignUpOutcome.SendConfirmation);
    }

    public static async Task<(Subscriber? Subscriber, ConfirmOutcome Outcome)> ConfirmAsync(NormativeDb db, ConfirmationToken? token, DateTimeOffset now,
        string? clientAddress, string formText, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (token is null)
        {
            return (null, ConfirmOutcome.Invalid);
        }
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == token.SubscriberId, ct);
        var sameSignUp = subscriber is not null && subscriber.ConfirmationNonce == token.Nonce;
        if (sameSignUp && subscriber!.Status == SubscriberStatus.Confirmed)
        {
            return (subscriber, ConfirmOutcome.AlreadyConfirmed);
        }
        if (token.Expires < now)
        {
            return (subscriber, ConfirmOutcome.Expired);
        }
        if (!sameSignUp || subscriber!.Status != SubscriberStatus.Pending)
        {
            return (subscriber, ConfirmOutcome.Invalid);
        }
        subscriber.Status = SubscriberStatus.Confirmed;
        subscriber.ConfirmedAt = now;
        subscriber.UnsubscribedAt = null;
        Record(subscriber, SubscriptionEventKind.Confirmed, now, clientAddress, formText, subscriber.Language, subscriber.Topics);
        return (subscriber, ConfirmOutcome.Confirmed);
    }

    /// <summary>
    /// New topics, language and digest frequency from the preferences page. The signed link proves the address, so an
    /// unsubscribed reader who saves topics is subscribed again; no topics at all means unsubscribed.
    /// </summary>
    public static void ChangePreferences(Subscriber subscriber, IReadOnlyList<string> topics, string language, DigestFrequency frequency, DateTimeOffset now, string? clientAddress, string formText)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0)
        {
            Unsubscribe(subscriber, now, clientAddress, formText);
            return;
        }
        subscriber.Topics = [.. topics];
        subscriber.Language = language;
        subscriber.DigestFrequency = frequency;
        if (subscriber.Status != SubscriberStatus.Confirmed)
        {
            subscriber.Status = SubscriberStatus.Confirmed;
            subscriber.ConfirmedAt = now;
            subscriber.UnsubscribedAt = null;
        }
        Record(subscriber, SubscriptionEventKind.Changed, now, clientAddress, formText, language, topics);
    }

    /// <summary>Withdraws consent; a second unsubscribe changes nothing.</summary>
    public static bool Unsubscribe(Subscriber subscriber, DateTimeOffset now, string? clientAddress, string formText)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return false;
        }
        subscriber.Status = SubscriberStatus.Unsubscribed;
        subscriber.UnsubscribedAt = now;
        Record(subscriber, SubscriptionEventKind.Unsubscribed, now, clientAddress, formText, subscriber.Language, subscriber.Topics);
        return true;
    }

    /// <summary>
    /// Addresses not confirmed within 30 days of their last sign-up are deleted with their records
    /// (they never agreed to anything); one that had been subscribed before goes back to unsubscribed.
    /// </summary>
    /// <returns>How many addresses were deleted.</returns>
    public static async Task<int> ForgetUnconfirmedAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = now - UnconfirmedLifetime;
        var deleted = await db.Subscribers
            .Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmationSentAt < cutoff && s.ConfirmedAt == null)
            .ExecuteDeleteAsync(ct);
        await db.Subscribers
            .Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmationSentAt < cutoff && s.ConfirmedAt != null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriberStatus.Unsubscribed), ct);
        return deleted;
    }

    private static void Record(Subscriber subscriber, SubscriptionEventKind kind, DateTimeOffset at, string? clientAddress, string formText,
        string language, IEnumerable<string> topics) =>
        subscriber.Events.Add(new SubscriptionEvent
        {
            At = at,
            Kind = kind,
            Email = subscriber.Email,
            ClientAddress = clientAddress is { Length: > 45 } ? clientAddress[..45] : clientAddress,
            Language = language,
            Topics = [.. topics],
            FormText = formText,
        });

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
