using System.Globalization;
using Normative.Features.Shared;

namespace Normative.Features.Store.Organizations;

/// <summary>The pages of organisation accounts and of the seats of their licences (see <see cref="LinkToAttribute"/>).</summary>
public static class OrganizationLinks
{
    /// <summary>My organisations, and the form that creates one.</summary>
    [LinkTo("/Store/Organizations/Index")]
    public static string Index() => "/account/organizations";

    [LinkTo("/Store/Organizations/Details")]
    public static string Details(int organizationId) => "/account/organizations/" + organizationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The link in an invitation's mail.</summary>
    [LinkTo("/Store/Organizations/Invitation")]
    public static string Invitation(string token) => "/account/organizations/join/" + Uri.EscapeDataString(token);

    /// <summary>The seats of an order's multi-user licences, for the organisation's administrators.</summary>
    [LinkTo("/Store/Seats/Seats")]
    public static string Seats(string orderNumber) => $"/store/orders/{Uri.EscapeDataString(orderNumber)}/seats";
}
