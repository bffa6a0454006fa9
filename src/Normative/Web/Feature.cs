using System.CommandLine;

namespace Normative.Web;

/// <summary>
/// One feature of the platform, as Program.cs lists it: its services, its middleware, its
/// endpoints and its commands. A feature adds its parts to the shared pages (the header, the
/// sitemap, the administrators' overview, "My account") by registering them in
/// <see cref="AddServices"/>, so nothing shared ever names a feature.
/// </summary>
public abstract class Feature
{
    /// <summary>Services, options, background jobs and the feature's parts of shared pages.</summary>
    public virtual void AddServices(WebApplicationBuilder builder)
    {
    }

    /// <summary>Middleware, after authentication and authorization and before the endpoints.</summary>
    public virtual void UseMiddleware(WebApplication app)
    {
    }

    /// <summary>Endpoints other than Razor Pages: the JSON API, feeds, files.</summary>
    public virtual void MapEndpoints(WebApplication app)
    {
    }

    /// <summary>Commands of the `normative` command line. Commands of the same name from several features become one (import).</summary>
    public virtual IEnumerable<Command> Commands() => [];
}
