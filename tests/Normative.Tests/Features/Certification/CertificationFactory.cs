using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification;

/// <summary>The app for registry tests: the expiry job off (tests run it themselves) and a search limit no test reaches.</summary>
public class CertificationFactory : NormativeFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Certification:ExpiryJob:Enabled"] = "false",
        ["Certification:RateLimit:PermitLimit"] = "100000",
        ["Certification:MaxUploadMegabytes"] = "1",
        // Words in more than 40 names count as too common, so that tests can reach the limit.
        ["Certification:Search:MaxWordReach"] = "40",
    };
}
