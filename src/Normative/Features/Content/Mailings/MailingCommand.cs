using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Cli;
using Normative.Data;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;

namespace Normative.Features.Content.Mailings;

/// <summary>`normative mailing newsletter --article SLUG --topic news`: queues an article as a newsletter to the subscribers of the topics (the running app sends it).</summary>
public static class MailingCommand
{
    public static Command Create()
    {
        var mailing = new Command("mailing", "Email-update mailings.");
        var slug = new Option<string>("--article") { Description = "The address (slug) of a published article.", Required = true };
        var topics = new Option<string[]>("--topic") { Description = "A topic whose subscribers get it (news, publications, sector:energy, …); repeat for several.", Required = true };
        var newsletter = new Command("newsletter", "Queue a newsletter from an article to the confirmed subscribers of the topics; prints how many and how long queuing took.")
        {
            slug, topics,
        };
        newsletter.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sp, token) =>
        {
            var db = sp.GetRequiredService<NormativeDb>();
            var chosen = UpdateTopics.Clean(parse.GetRequiredValue(topics));
            var article = await Newsletters.FindAsync(db, parse.GetRequiredValue(slug), token);
            if (article is null || chosen.Count == 0)
            {
                await Console.Error.WriteLineAsync(article is null ? "No article has that address." : "No known topic.");
                return 1;
            }
            var clock = Stopwatch.StartNew();
            var queued = await Newsletters.QueueAsync(db, sp.GetRequiredService<IStringLocalizer<ContentText>>(), sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<IOptions<OrganizationOptions>>().Value.Name, article, chosen, "command line", sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct: token);
            Console.WriteLine($"Mailing {queued.Id}: {queued.Recipients} recipients queued in {clock.ElapsedMilliseconds} ms.");
            return 0;
        }, ct));
        mailing.Subcommands.Add(newsletter);
        return mailing;
    }
}
