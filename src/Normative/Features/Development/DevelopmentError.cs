namespace Normative.Features.Development;

/// <summary>
/// Why an operation was refused: an HTTP status (400, 403, 404, 409), a DevelopmentText resource key
/// and its arguments. Pages show the message; the API returns it as ProblemDetails.
/// </summary>
public sealed record DevelopmentError(int Status, string Key, params object[] Args)
{
    public static DevelopmentError NotFound(string key, params object[] args) => new(StatusCodes.Status404NotFound, key, args);

    public static DevelopmentError Forbidden(string key, params object[] args) => new(StatusCodes.Status403Forbidden, key, args);

    public static DevelopmentError Conflict(string key, params object[] args) => new(StatusCodes.Status409Conflict, key, args);

    public static DevelopmentError Invalid(string key, params object[] args) => new(StatusCodes.Status400BadRequest, key, args);
}
