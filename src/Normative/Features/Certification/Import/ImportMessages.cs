using Microsoft.Extensions.Localization;

namespace Normative.Features.Certification.Import;

/// <summary>Upload problems in words, in the reader's language.</summary>
public static class ImportMessages
{
    public static string Describe(IStringLocalizer<CertificationText> t, ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(problem);
        var text = t[problem.ResourceKey, problem.Args.Cast<object>().ToArray()].Value;
        return problem.Line > 0 ? t["Import.AtLine", problem.Line, text].Value : text;
    }

    public static string Summary(IStringLocalizer<CertificationText> t, ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(result);
        if (result.FileProblem is not null)
        {
            return t["Upload.Result.FileRefused"];
        }
        return result.Loaded
            ? t["Upload.Result.Loaded", result.TotalRows, result.Inserted, result.Updated, result.Unchanged, result.Rejected]
            : t["Upload.Result.NothingLoaded", result.TotalRows, result.Rejected];
    }
}
