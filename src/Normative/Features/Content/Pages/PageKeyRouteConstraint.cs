using System.Globalization;

namespace Normative.Features.Content.Pages;

/// <summary>{key:pagekey}: one of the institutional pages served at /{key}, so the route takes no other address.</summary>
public sealed class PageKeyRouteConstraint : IRouteConstraint
{
    public const string Name = "pagekey";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value)
            && InstitutionalPages.Find(Convert.ToString(value, CultureInfo.InvariantCulture)) is { } entry
            && InstitutionalPages.HasOwnAddress(entry);
    }
}
