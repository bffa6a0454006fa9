using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Normative.Tests.Infrastructure;

/// <summary>
/// The test server has no TCP connection, so no client address: this filter gives each request the
/// address in the X-Test-Client header (203.0.113.9 without it), as Kestrel would from the socket.
/// It also answers GET /__echo with the scheme, host and client address the app ended up with.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";
    public static readonly IPAddress Default = IPAddress.Parse("203.0.113.9");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var value) ? IPAddress.Parse(value.ToString()) : Default;
            return nextMiddleware(context);
        });
        next(app);
        app.Run(async context =>
        {
            if (context.Request.Path == "/__echo")
            {
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync($"{context.Request.Scheme} {context.Request.Host} {context.Connection.RemoteIpAddress}");
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
    };
}
