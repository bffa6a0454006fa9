namespace Normative.Tests.Features.Development.Documents;

/// <summary>The app with a small upload limit (2 MB), so tests can go past it cheaply.</summary>
public class DocumentsFactory : DevelopmentFactory
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Documents:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
