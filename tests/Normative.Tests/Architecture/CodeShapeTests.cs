using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Normative.Web;

namespace Normative.Tests.Architecture;

/// <summary>Rules of the code's shape that a test can check: typed links, no service locator.</summary>
public partial class CodeShapeTests
{
    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normative.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Normative");
            }
        }
        throw new InvalidOperationException("The source tree was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void PagesLinkThroughTypedLinksNotWrittenPaths()
    {
        // A written "/path" breaks silently when a page moves; a link builder is checked by LinkTests.
        var found = Directory.EnumerateFiles(Path.Combine(SourceRoot(), "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => WrittenPath().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(SourceRoot(), x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Written paths (use the feature's XxxLinks):\n" + string.Join("\n", found));
    }

    [Fact]
    public void FeaturesDoNotLookUpTheirServices()
    {
        // Dependencies come in as parameters; only hosted workers (which outlive a request) open scopes.
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Normative.Features", StringComparison.Ordinal) == true)
            // Compiler-generated types (async state machines, closures) hold a method's parameters: commands
            // take the provider as a parameter because they are the composition root of a CLI run.
            .Where(t => t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t => !typeof(IHostedService).IsAssignableFrom(t) && !typeof(Feature).IsAssignableFrom(t))
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IServiceProvider)))
                || t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Any(f => f.FieldType == typeof(IServiceProvider)))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "Service locators: " + string.Join(", ", offenders));
    }

    [GeneratedRegex("""(href|action|src)="/[^/"]""")]
    private static partial Regex WrittenPath();
}
