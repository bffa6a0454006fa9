using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Shared;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Architecture;

/// <summary>
/// Every link builder ([LinkTo] on a feature's XxxLinks method) leads to the page it names: its path
/// matches that page's route, so a page that moves or changes its route fails here, not on the site.
/// </summary>
public class LinkTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    public static TheoryData<string> Builders()
    {
        var data = new TheoryData<string>();
        foreach (var method in LinkMethods())
        {
            data.Add(method.DeclaringType!.FullName + "." + method.Name);
        }
        return data;
    }

    /// <summary>Marked methods and the getters of marked properties.</summary>
    private static IEnumerable<MethodInfo> LinkMethods() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.GetCustomAttribute<LinkToAttribute>() is not null)
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.Static)
                    .Where(p => p.GetCustomAttribute<LinkToAttribute>() is not null).Select(p => p.GetMethod!)))
            .OrderBy(m => m.DeclaringType!.FullName).ThenBy(m => m.Name);

    private static LinkToAttribute Target(MethodInfo method) =>
        method.GetCustomAttribute<LinkToAttribute>()
        ?? method.DeclaringType!.GetProperties(BindingFlags.Public | BindingFlags.Static).Single(p => p.GetMethod == method).GetCustomAttribute<LinkToAttribute>()!;

    [Fact]
    public void FeaturesHaveLinkBuilders() => Assert.NotEmpty(LinkMethods());

    [Theory]
    [MemberData(nameof(Builders))]
    public void ALinkBuilderLeadsToItsPage(string name)
    {
        var method = LinkMethods().Single(m => m.DeclaringType!.FullName + "." + m.Name == name);
        var page = Target(method).Page;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == page)
            .ToList();
        Assert.True(endpoints.Count > 0, $"{name} names {page}, which is not a page of the site.");

        var path = (string)method.Invoke(null, method.GetParameters().Select(p => Sample(p.ParameterType)).ToArray())!;
        var bare = path.Split('?', '#')[0];
        Assert.StartsWith("/", bare);
        var constraints = factory.Services.GetRequiredService<IInlineConstraintResolver>();
        var matched = endpoints.Any(e =>
        {
            var values = new RouteValueDictionary();
            if (!new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()).TryMatch(new PathString(bare), values))
            {
                return false;
            }
            // The route's constraints ({id:int}) must hold too.
            return e.RoutePattern.ParameterPolicies.All(p => p.Value.All(policy =>
                policy.Content is null
                || constraints.ResolveConstraint(policy.Content) is not { } constraint
                || constraint.Match(null, null, p.Key, values, RouteDirection.IncomingRequest)));
        });
        Assert.True(matched, $"{name} gives {path}, which {page} does not answer ({string.Join(", ", endpoints.Select(e => e.RoutePattern.RawText))}).");
    }

    private static object Sample(Type type) => type switch
    {
        _ when type == typeof(int) => 42,
        _ when type == typeof(long) => 42L,
        _ when type == typeof(string) => "ISO-42",
        _ when type == typeof(Guid) => Guid.NewGuid(),
        _ when type == typeof(int?) => 42,
        _ when type == typeof(DateOnly?) => new DateOnly(2026, 3, 1),
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0)!,
        _ => throw new InvalidOperationException($"No sample value for {type.Name}: add one here."),
    };
}
