using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Meetings;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development;

/// <summary>The standards-development API: /api/v1/members, committees' members and calendars, projects, ballots and meetings.</summary>
public static class DevelopmentApi
{
    public static IEndpointRouteBuilder MapDevelopmentApi(this IEndpointRouteBuilder app)
    {
        app.MapMembersApi();
        app.MapCommitteesApi();
        app.MapProjectsApi();
        app.MapBallotsApi();
        app.MapExpertsApi();
        app.MapLiaisonsApi();
        app.MapMeetingsApi();
        return app;
    }

    /// <summary>A refusal as ProblemDetails, its title in the request's language and its resource key as "code".</summary>
    internal static ProblemHttpResult Problem(DevelopmentError error, IStringLocalizer<DevelopmentText> t) =>
        TypedResults.Problem(
            title: t[error.Key, error.Args],
            statusCode: error.Status,
            extensions: new Dictionary<string, object?> { ["code"] = error.Key });

    internal static ProblemHttpResult NotFound(IStringLocalizer<DevelopmentText> t) => Problem(DevelopmentError.NotFound("Error.NotFound"), t);

    internal static ProblemHttpResult Forbidden(IStringLocalizer<DevelopmentText> t, string key = "Error.NotManager") => Problem(DevelopmentError.Forbidden(key), t);
}
