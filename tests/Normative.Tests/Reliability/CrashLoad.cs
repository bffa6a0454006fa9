using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Certification.Registry;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Features.Certification;
using Normative.Tests.Features.Development;
using Normative.Tests.Features.Development.Documents;
using Normative.Tests.Features.Store;
using Normative.Tests.Features.Store.Subscriptions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Reliability;

/// <summary>
/// Many concurrent writes of the kinds a standards body cannot lose — ballot votes by delegates,
/// certificate uploads by a certification body, committee document uploads, orders paid by card and
/// subscriptions bought by signed-in buyers — each recorded with whether the client saw it
/// acknowledged, so that what the database holds after a crash can be counted against it.
/// </summary>
public sealed class CrashLoad
{
    public enum Kind { Vote, Certificate, Document, Order, Payment, Subscription }

    /// <summary>One write as the client saw it: <paramref name="Key"/> finds it in the database.</summary>
    public sealed record Write(Kind Kind, string Key, bool Acknowledged, string Outcome);

    private const int Bodies = 25;
    private const int BallotCount = 4;
    private const int VotesPerBodyAndBallot = 4;
    private const int Buyers = 24;
    private const int OrdersPerBuyer = 2;

    private readonly CrashRig _rig;
    private readonly string _run;
    private readonly ConcurrentBag<Write> _writes = [];
    private readonly HttpClient _api;
    private TaskCompletionSource _open = NewOpenGate();
    private int _acknowledged;

    private Committee _committee = null!;
    private List<Ballot> _ballots = [];
    private List<(MemberBody Body, string Token)> _delegates = [];
    private string _managerToken = "";
    private CertificationBody _certificationBody = null!;
    private string _certificationToken = "";
    private Deliverable _deliverable = null!;
    private Collection _collection = null!;
    private List<(HttpClient Client, string UserId)> _buyers = [];

    private CrashLoad(CrashRig rig, string run)
    {
        _rig = rig;
        _run = run;
        _api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = rig.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public IReadOnlyCollection<Write> Writes => _writes;

    public int Sent => _writes.Count;

    public int Acknowledged => _acknowledged;

    /// <summary>The outbox rows made before this load, so that the mail count covers this load only.</summary>
    public long OutboxBaseline { get; private set; }

    /// <summary>Makes the committee, ballots, delegates, certification body, products and signed-in buyers the writes need.</summary>
    public static async Task<CrashLoad> PrepareAsync(CrashRig rig, string run)
    {
        var load = new CrashLoad(rig, run);
        var factory = rig.SetUp;
        // Taken first: the set-up's own mail (ballots opened) is sent by the app under test too, and counted.
        load.OutboxBaseline = await factory.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => (long?)m.Id)) ?? 0;
        var world = new DevelopmentWorld(factory);
        var (committee, bodies, _) = await world.CommitteeAsync(Bodies);
        load._committee = committee;
        var manager = await factory.CreateUserAsync(Roles.CommitteeManager);
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ManagerUserId, manager.Id)));
        load._managerToken = await TokenAsync(factory, manager.Id);
        for (var i = 0; i < BallotCount; i++)
        {
            var project = await world.ProjectReadyForDisAsync(committee.Id, $"ISO {run}{i}");
            load._ballots.Add(await world.OpenBallotAsync(project.Id, BallotKind.DIS));
        }
        load._delegates = [.. await Task.WhenAll(bodies.Select(async body =>
        {
            var user = await factory.CreateUserAsync(Roles.Delegate);
            await world.LinkAsync(user, body);
            return (body, await TokenAsync(factory, user.Id));
        }))];

        load._certificationBody = await factory.CreateBodyAsync();
        var certifier = await factory.CreateUserAsync(Roles.CertificationBody);
        await factory.LinkAsync(certifier.Id, load._certificationBody);
        load._certificationToken = await TokenAsync(factory, certifier.Id);

        load._deliverable = await StoreTestData.AddDeliverableAsync(factory);
        var collected = "ISO/TC " + run;
        await SubscriptionTestData.AddAsync(factory, $"ISO {run}9:2024", committee: collected);
        load._collection = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.Committee, committee: collected);
        var buyers = await Task.WhenAll(Enumerable.Range(0, Buyers).Select(_ => SignInBuyerAsync(rig, factory)));
        load._buyers = [.. buyers];
        return load;
    }

    private static async Task<string> TokenAsync(NormativeFactory factory, string userId)
    {
        var (_, secret) = await factory.WithDbAsync(db => ApiTokens.CreateAsync(db, userId, "crash test", DateTimeOffset.UtcNow));
        return secret;
    }

    private static async Task<(HttpClient, string)> SignInBuyerAsync(CrashRig rig, NormativeFactory factory)
    {
        var user = await factory.CreateUserAsync("Customer");
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = rig.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"A buyer could not sign in: {(int)response.StatusCode}\n{rig.AppLog}");
        return (client, user.Id);
    }

    /// <summary>Until <see cref="Open"/>, writers wait before sending (the app is down and being restarted).</summary>
    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    private static TaskCompletionSource NewOpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    /// <summary>
    /// Sends every write with <paramref name="concurrency"/> writers; <paramref name="crash"/> runs once
    /// <paramref name="crashAfter"/> writes were acknowledged, while the others are in flight.
    /// </summary>
    public async Task RunAsync(int concurrency, int crashAfter, Func<Task> crash)
    {
        // Closing within a week makes the ballots due for their reminder: the ballot job (every second) sends it while the writes go on.
        var ids = _ballots.Select(b => b.Id).ToList();
        await _rig.SetUp.WithDbAsync(db => db.Ballots.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, DateTimeOffset.UtcNow.AddDays(5))));
        var work = new ConcurrentQueue<Func<Task>>(Shuffle(Plan()));
        var crashed = new TaskCompletionSource();
        var crashTask = Task.Run(async () =>
        {
            while (Volatile.Read(ref _acknowledged) < crashAfter && !work.IsEmpty)
            {
                await Task.Delay(5);
            }
            await crash();
            crashed.SetResult();
        });
        var writers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var next))
            {
                await next();
            }
        }));
        await Task.WhenAll(writers);
        await crashTask;
    }

    private List<Func<Task>> Plan()
    {
        var plan = new List<Func<Task>>();
        var positions = new[] { "approve", "disapprove", "abstain", "approve" };
        foreach (var ballot in _ballots)
        {
            foreach (var (body, token) in _delegates)
            {
                // A body's votes on one ballot go one after the other, as one delegate's changes of mind do.
                plan.Add(async () =>
                {
                    for (var v = 0; v < VotesPerBodyAndBallot; v++)
                    {
                        var position = positions[(v + body.Id) % positions.Length];
                        object vote = position == "disapprove" ? new { position, technicalReasons = "Clause 4 conflicts." } : new { position };
                        await SendAsync(Kind.Vote, $"{ballot.Id}/{body.Id}", () => _api.SendAsync(Bearer(HttpMethod.Post, $"/api/v1/ballots/{ballot.Id}/votes", token,
                            JsonContent.Create(vote))), r => r.StatusCode == HttpStatusCode.OK);
                    }
                });
            }
        }
        for (var i = 0; i < 300; i++)
        {
            var number = $"CRASH-{_run}-{i:D4}";
            plan.Add(() => SendAsync(Kind.Certificate, number, () =>
            {
                var csv = new StringContent(RegistryWorld.Csv(RegistryWorld.Row(number, _certificationBody.Code)));
                csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                return _api.SendAsync(Bearer(HttpMethod.Post, "/api/v1/certificates/csv?allOrNothing=true&fileName=crash.csv", _certificationToken, csv));
            }, r => r.StatusCode == HttpStatusCode.OK && Inserted(r) == 1));
        }
        for (var i = 0; i < 100; i++)
        {
            var title = $"Crash {_run} document {i:D3}";
            plan.Add(() => SendAsync(Kind.Document, title, () => _api.SendAsync(Bearer(HttpMethod.Post, $"/api/v1/committees/{_committee.Id}/documents", _managerToken,
                DocumentApi.Form("draft.pdf", DocumentSamples.Pdf(title), title))), r => r.StatusCode == HttpStatusCode.Created));
        }
        for (var b = 0; b < _buyers.Count; b++)
        {
            var (client, _) = _buyers[b];
            var subscribes = b % 4 == 0;
            plan.Add(async () =>
            {
                for (var o = 0; o < OrdersPerBuyer; o++)
                {
                    await BuyAsync(client, subscribes && o == 0);
                }
            });
        }
        return plan;
    }

    /// <summary>Cart, checkout by card, then the test provider's Pay: an order and its payment, each acknowledged or not.</summary>
    private async Task BuyAsync(HttpClient client, bool subscription)
    {
        await _open.Task;
        try
        {
            var added = subscription
                ? await client.SubmitFormAsync($"/store/collections/{_collection.Id}", [], "form.subscribe-form")
                : await StoreTestData.AddToCartAsync(client, _deliverable.Id);
            if (added.StatusCode != HttpStatusCode.Redirect)
            {
                return;
            }
            await _open.Task;
            // The billing address is new for each order: it finds the order, whose number the client sees only after paying.
            var fields = StoreTestData.Checkout("Card");
            var email = fields["Input.Email"];
            var checkout = await client.SubmitFormAsync("/store/checkout", fields, "form.checkout-form");
            var placed = checkout.StatusCode == HttpStatusCode.Redirect;
            Record(subscription ? Kind.Subscription : Kind.Order, email, placed, Status(checkout));
            if (!placed)
            {
                return;
            }
            await _open.Task;
            var paid = await client.SubmitFormAsync(checkout.Headers.Location!.OriginalString, [], "form[action*='handler=Pay']");
            if (paid.StatusCode != HttpStatusCode.Redirect)
            {
                Record(Kind.Payment, email, false, Status(paid));
                return;
            }
            // The buyer is back from the provider: the confirmation page records the payment and says so.
            await _open.Task;
            var confirmation = await client.GetAsync(paid.Headers.Location!.OriginalString);
            var confirmed = confirmation.StatusCode == HttpStatusCode.OK
                && (await confirmation.Content.ReadAsStringAsync()).Contains("id=\"confirmation\"", StringComparison.Ordinal);
            Record(Kind.Payment, email, confirmed, Status(confirmation));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // The app died under the request, or answered a page without its form: not acknowledged.
            Record(Kind.Order, "?", false, e.GetType().Name);
        }
    }

    private async Task SendAsync(Kind kind, string key, Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> acknowledged)
    {
        await _open.Task;
        try
        {
            using var response = await send();
            if (response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Created)
            {
                await response.Content.LoadIntoBufferAsync();
            }
            var ok = acknowledged(response);
            Record(kind, key, ok, Status(response));
            if (!ok)
            {
                // A client that was refused waits a little before its next write, as a person or a retrying client would.
                await Task.Delay(250);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Record(kind, key, false, e.GetType().Name);
            await Task.Delay(250);
        }
    }

    private static string Status(HttpResponseMessage response) => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Record(Kind kind, string key, bool acknowledged, string outcome)
    {
        _writes.Add(new Write(kind, key, acknowledged, outcome));
        if (acknowledged)
        {
            Interlocked.Increment(ref _acknowledged);
        }
    }

    private static int Inserted(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return json.RootElement.GetProperty("inserted").GetInt32();
    }

    private static HttpRequestMessage Bearer(HttpMethod method, string url, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static List<T> Shuffle<T>(List<T> items)
    {
        var random = new Random(18);
        return [.. items.OrderBy(_ => random.Next())];
    }

    /// <summary>What the database holds of this load, counted against what the clients saw.</summary>
    public sealed record Count(int Sent, int Acknowledged, int AcknowledgedFound, int Lost, int Duplicates, List<string> Problems);

    public async Task<Count> CountAsync()
    {
        var problems = new List<string>();
        var db = _rig.SetUp;
        var ballotIds = _ballots.Select(b => b.Id).ToList();
        var events = await db.WithDbAsync(d => d.BallotVoteEvents.Where(e => ballotIds.Contains(e.BallotId)).Select(e => new { e.BallotId, e.MemberBodyId }).ToListAsync());
        var positions = await db.WithDbAsync(d => d.BallotPositions.Where(p => ballotIds.Contains(p.BallotId)).Select(p => new { p.BallotId, p.MemberBodyId }).ToListAsync());
        var certificates = await db.WithDbAsync(d => d.Certificates.Where(c => c.CertificationBodyId == _certificationBody.Id).Select(c => c.Number).ToListAsync());
        var documents = await db.WithDbAsync(d => d.CommitteeDocuments.Where(c => c.CommitteeId == _committee.Id).Select(c => new { c.Title, c.Number }).ToListAsync());
        var buyerIds = _buyers.Select(b => b.UserId).ToList();
        var orders = await db.WithDbAsync(d => d.Orders.Where(o => buyerIds.Contains(o.UserId))
            .Select(o => new { o.Id, o.BillingEmail, o.Status, Payments = o.Payments.Count, Subscriptions = d.Subscriptions.Count(s => s.OrderId == o.Id) }).ToListAsync());

        var eventsByPair = events.GroupBy(e => $"{e.BallotId}/{e.MemberBodyId}").ToDictionary(g => g.Key, g => g.Count());
        var positionsByPair = positions.GroupBy(p => $"{p.BallotId}/{p.MemberBodyId}").ToDictionary(g => g.Key, g => g.Count());
        var certificateCount = certificates.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var documentCount = documents.GroupBy(d => d.Title).ToDictionary(g => g.Key, g => g.Count());
        var orderByNumber = orders.GroupBy(o => o.BillingEmail).ToDictionary(g => g.Key, g => g.ToList());

        var acknowledgedFound = 0;
        var lost = 0;
        var acknowledged = _writes.Where(w => w.Acknowledged).ToList();
        foreach (var group in acknowledged.Where(w => w.Kind == Kind.Vote).GroupBy(w => w.Key))
        {
            // Each vote is an event row, so every acknowledged vote of the pair must have one.
            var found = Math.Min(group.Count(), eventsByPair.GetValueOrDefault(group.Key));
            acknowledgedFound += found;
            lost += group.Count() - found;
            if (group.Count() > found)
            {
                problems.Add($"vote {group.Key}: {group.Count()} acknowledged, {found} recorded");
            }
            if (positionsByPair.GetValueOrDefault(group.Key) != 1)
            {
                problems.Add($"vote {group.Key}: {positionsByPair.GetValueOrDefault(group.Key)} current positions");
            }
        }
        foreach (var w in acknowledged.Where(w => w.Kind != Kind.Vote))
        {
            var found = w.Kind switch
            {
                Kind.Certificate => certificateCount.ContainsKey(w.Key),
                Kind.Document => documentCount.ContainsKey(w.Key),
                Kind.Order => orderByNumber.ContainsKey(w.Key),
                Kind.Subscription => orderByNumber.ContainsKey(w.Key),
                Kind.Payment => orderByNumber.TryGetValue(w.Key, out var o) && o[0].Payments == 1 && o[0].Status is OrderStatus.Paid or OrderStatus.Fulfilled,
                _ => false,
            };
            if (found)
            {
                acknowledgedFound++;
            }
            else
            {
                lost++;
                problems.Add($"{w.Kind} {w.Key} acknowledged ({w.Outcome}) but not found");
            }
        }
        var subscriptionOrders = acknowledged.Where(w => w.Kind == Kind.Subscription).Select(w => w.Key).ToHashSet();
        foreach (var paid in acknowledged.Where(w => w.Kind == Kind.Payment && subscriptionOrders.Contains(w.Key)))
        {
            if (orderByNumber.TryGetValue(paid.Key, out var o) && o[0].Subscriptions != 1)
            {
                problems.Add($"subscription order of {paid.Key} paid, with {o[0].Subscriptions} subscriptions");
            }
        }

        // Nothing twice: a sent vote is at most one event, a number or title at most one row, an order at most one payment.
        var duplicates = 0;
        foreach (var group in _writes.Where(w => w.Kind == Kind.Vote).GroupBy(w => w.Key))
        {
            duplicates += Math.Max(0, eventsByPair.GetValueOrDefault(group.Key) - group.Count());
            duplicates += Math.Max(0, positionsByPair.GetValueOrDefault(group.Key) - 1);
        }
        duplicates += certificateCount.Values.Sum(n => n - 1) + documentCount.Values.Sum(n => n - 1);
        duplicates += documents.Count - documents.Select(d => d.Number).Distinct().Count();
        duplicates += orderByNumber.Values.Sum(o => o.Count - 1);
        duplicates += orders.Sum(o => Math.Max(0, o.Payments - 1) + Math.Max(0, o.Subscriptions - 1));
        var checkoutsSent = _writes.Count(w => w.Kind is Kind.Order or Kind.Subscription);
        if (orders.Count > checkoutsSent)
        {
            problems.Add($"{orders.Count} orders from {checkoutsSent} checkouts");
            duplicates += orders.Count - checkoutsSent;
        }
        if (duplicates > 0)
        {
            problems.Add($"{duplicates} duplicates");
        }
        return new Count(_writes.Count, acknowledged.Count, acknowledgedFound, lost, duplicates, problems);
    }

    /// <summary>
    /// Waits until the outbox has sent everything this load queued, then checks each of those mails
    /// is in the pickup folder exactly once (by its outbox id) and no mail is there twice.
    /// </summary>
    public async Task<(int Expected, int Sent, int Duplicates, List<string> Problems)> CountMailAsync(TimeSpan timeout)
    {
        var db = _rig.SetUp;
        var deadline = DateTime.UtcNow + timeout;
        while (await db.WithDbAsync(d => d.OutboxMessages.CountAsync(m => m.Id > OutboxBaseline && m.SentAt == null && m.FailedAt == null)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The outbox did not send this load's mail within {timeout.TotalSeconds:0} s:\n{_rig.AppLog}");
            await Task.Delay(200);
        }
        var rows = await db.WithDbAsync(d => d.OutboxMessages.Where(m => m.Id > OutboxBaseline).Select(m => new { m.Id, m.SentAt, m.FailedAt, m.To, m.Subject, m.TextBody }).ToListAsync());
        var files = OutboxIds(_rig.MailFolder);
        var problems = new List<string>();
        var sent = 0;
        foreach (var row in rows)
        {
            var copies = files.GetValueOrDefault(row.Id);
            sent += Math.Min(copies, 1);
            if (copies != 1)
            {
                problems.Add($"outbox mail {row.Id} is in the pickup folder {copies} times (failed: {row.FailedAt is not null})");
            }
        }
        // A job that ran twice for the same work (reminders, confirmations, digests) would queue the same mail twice.
        foreach (var twice in rows.GroupBy(r => (r.To, r.Subject, r.TextBody)).Where(g => g.Count() > 1))
        {
            problems.Add($"the mail '{twice.Key.Subject}' to {twice.Key.To} was queued {twice.Count()} times");
        }
        return (rows.Count, sent, files.Values.Sum(n => Math.Max(0, n - 1)), problems);
    }

    /// <summary>
    /// The ballot job's reminders for this load's ballots: once each ballot has its reminder, no
    /// delegate may have the same reminder twice, however often the job ran (and was killed).
    /// </summary>
    public async Task<(int Ballots, int Mails, int Duplicates, List<string> Problems)> RemindersAsync(TimeSpan timeout)
    {
        var db = _rig.SetUp;
        var ids = _ballots.Select(b => b.Id).ToList();
        var deadline = DateTime.UtcNow + timeout;
        int reminded;
        while ((reminded = await db.WithDbAsync(d => d.Ballots.CountAsync(b => ids.Contains(b.Id) && b.ReminderSentAt != null))) < ids.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        var mails = await db.WithDbAsync(d => d.OutboxMessages.Where(m => m.Id > OutboxBaseline && m.Subject.StartsWith("Reminder — ")).Select(m => new { m.To, m.Subject }).ToListAsync());
        var twice = mails.GroupBy(m => (m.To, m.Subject)).Where(g => g.Count() > 1).ToList();
        return (reminded, mails.Count, twice.Sum(g => g.Count() - 1), [.. twice.Select(g => $"reminder '{g.Key.Subject}' to {g.Key.To} queued {g.Count()} times")]);
    }

    /// <summary>How many .eml files carry each outbox id.</summary>
    public static Dictionary<long, int> OutboxIds(string folder) =>
        Directory.GetFiles(folder, "*.eml")
            .Select(f => File.ReadLines(f).TakeWhile(l => l.Length > 0).FirstOrDefault(l => l.StartsWith("X-Normative-Outbox-Id: ", StringComparison.OrdinalIgnoreCase)))
            .OfType<string>()
            .GroupBy(l => long.Parse(l["X-Normative-Outbox-Id: ".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
}
