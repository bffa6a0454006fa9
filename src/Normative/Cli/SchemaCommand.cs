using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Cli;

/// <summary>
/// `normative schema script`: prints the SQL the EF model expects. EF's design-time migration tools
/// are not available to us, so this is the aid for writing the next Data/Migrations file by hand.
/// </summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var schema = new Command("schema", "Developer aids for the database schema.");
        var script = NormativeCli.Command("script", "Print the CREATE script of the EF model (to compare with Data/Migrations).", (sp, ct) =>
        {
            Console.WriteLine(sp.GetRequiredService<NormativeDb>().Database.GenerateCreateScript());
            return Task.FromResult(0);
        });
        schema.Subcommands.Add(script);
        return schema;
    }
}
