using System.CommandLine;
using Normative.Cli;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>`normative refs normalize`: identifiers on stdin, canonical form and URN on stdout. Needs no database.</summary>
public static class RefsCommand
{
    public static Command Create()
    {
        var refs = new Command("refs", "Work with publication identifiers.");
        var normalize = new Command("normalize", "Read identifiers one a line on stdin; write 'input<TAB>canonical<TAB>urn' or 'input<TAB>ERROR<TAB>reason'. Exit 0 when all parsed, 2 when some did not.");
        normalize.SetAction(async (parse, ct) =>
        {
            if (!CliHost.CheckTokens(parse, Console.Error))
            {
                return 1;
            }
            Console.InputEncoding = System.Text.Encoding.UTF8;
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            await using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            using var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
            var code = await RefsNormalizeCommand.RunAsync(input, output, ct);
            await output.FlushAsync(ct);
            return code;
        });
        refs.Subcommands.Add(normalize);
        return refs;
    }
}
