using Microsoft.Extensions.Options;
using Normative.Features.Shared;
using Normative.Features.Store.Pdf;

namespace Normative.Features.Store;

/// <summary>Who sells: the organisation's name and address from configuration, and the bank account for transfers.</summary>
public static class StoreSeller
{
    public static InvoicePdf.Seller From(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        var name = configuration["Organization:Name"] is { Length: > 0 } n ? n : OrganizationInfo.DefaultName;
        var address = (configuration["Organization:Address"] ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new InvoicePdf.Seller(name, address, configuration["Organization:Email"] is { Length: > 0 } e ? e : null, options.BankAccount);
    }
}
