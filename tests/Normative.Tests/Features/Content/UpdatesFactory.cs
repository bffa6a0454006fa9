using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>The app with a client address per request (the X-Test-Client header) and a sign-up limit of its own.</summary>
public class UpdatesFactory : NormativeFactory
{
    protected virtual int SignUpLimit => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Content:Updates:SignUpPermitLimit"] = SignUpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Content:Updates:CleanupEnabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
    }
}
