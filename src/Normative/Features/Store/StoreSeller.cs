using Normative.Features.Shared;
using Normative.Features.Store.Pdf;

namespace Normative.Features.Store;

/// <summary>Who sells: the organisation's name and address from configuration, and the bank account for transfers.</summary>
public static class StoreSeller
{
    public static InvoicePdf.Seller From(OrganizationOptions organization, StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(store);
        return new InvoicePdf.Seller(organization.Name, organization.AddressLines, organization.Email, store.BankAccount);
    }
}
