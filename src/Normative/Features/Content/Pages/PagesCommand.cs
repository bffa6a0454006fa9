using System.CommandLine;
using Normative.Cli;
using Normative.Data;

namespace Normative.Features.Content.Pages;

/// <summary>
/// `normative pages defaults`: stores the built-in default text of every institutional page in every
/// language that has no text stored yet, so a new site's Editors start from it (with a history); a
/// text an Editor saved is never overwritten.
/// </summary>
public static class PagesCommand
{
    public static Command Create()
    {
        var defaults = new Command("defaults", "Load the built-in default texts of the institutional pages (about, contact, privacy …) where none is stored; never overwrites an edited page.");
        defaults.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sp, token) =>
        {
            // The command line has no request to inject into: CliHost hands over the services of a scope of its own.
            var db = sp.GetRequiredService<NormativeDb>();
            var added = await PageActions.LoadDefaultsAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow(), token);
            Console.WriteLine($"{added} page texts loaded; texts already stored were left as they are.");
            return 0;
        }, ct));
        return new Command("pages", "The institutional pages.") { defaults };
    }
}
