namespace Normative.Tests.Features.Content;

/// <summary>The app with the digest job and the mailing sender stopped, so that a test runs them itself, step by step.</summary>
public class MailingsFactory : UpdatesFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Content:Updates:DigestEnabled"] = "false",
        ["Content:Updates:MailingWorker"] = "false",
        ["Content:Updates:MailingBatchSize"] = "3",
    };
}
