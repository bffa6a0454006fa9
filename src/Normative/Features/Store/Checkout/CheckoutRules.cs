using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Checkout;

/// <summary>Checks what the buyer typed at checkout. Each problem names the field and a resource key.</summary>
public static class CheckoutRules
{
    public sealed record Problem(string Field, string Key);

    /// <param name="hasPdf">Whether a PDF for one person is ordered, whose licence holder must be named.</param>
    /// <param name="hasSeats">Whether a multi-user licence is ordered, which only an organisation can buy.</param>
    public static IReadOnlyList<Problem> Check(CheckoutDetails d, bool hasPdf, Func<string, bool> isCountry, bool hasPaper = false, bool hasSeats = false)
    {
        var problems = new List<Problem>();
        Text(problems, nameof(d.Name), d.Name, 200, required: true);
        Text(problems, nameof(d.Organization), d.Organization, 200, required: false);
        Text(problems, nameof(d.Street), d.Street, 200, required: true);
        Text(problems, nameof(d.PostalCode), d.PostalCode, 20, required: true);
        Text(problems, nameof(d.City), d.City, 100, required: true);
        var vatNumber = Text(problems, nameof(d.VatNumber), d.VatNumber, 50, required: false);
        if (string.IsNullOrWhiteSpace(d.Country) || !isCountry(d.Country.Trim().ToUpperInvariant()))
        {
            problems.Add(new(nameof(d.Country), "Checkout.Error.Country"));
        }
        else if (vatNumber && VatNumbers.Normalize(d.Country, Clean(d.VatNumber)!) is null)
        {
            // A number in the wrong format would lose a business its reverse charge without it noticing.
            problems.Add(new(nameof(d.VatNumber), "Checkout.Error.VatNumber"));
        }
        if (Text(problems, nameof(d.Email), d.Email, 256, required: true) && !IsEmail(d.Email!.Trim()))
        {
            problems.Add(new(nameof(d.Email), "Checkout.Error.Email"));
        }
        if (hasPdf)
        {
            Text(problems, nameof(d.LicenceHolder), d.LicenceHolder, 200, required: true);
        }
        if (hasPaper && !d.ShipToBilling)
        {
            // A printed copy without an address to send it to cannot be delivered.
            Text(problems, nameof(d.ShippingName), d.ShippingName, 200, required: true);
            Text(problems, nameof(d.ShippingOrganization), d.ShippingOrganization, 200, required: false);
            Text(problems, nameof(d.ShippingStreet), d.ShippingStreet, 200, required: true);
            Text(problems, nameof(d.ShippingPostalCode), d.ShippingPostalCode, 20, required: true);
            Text(problems, nameof(d.ShippingCity), d.ShippingCity, 100, required: true);
            if (string.IsNullOrWhiteSpace(d.ShippingCountry) || !isCountry(d.ShippingCountry.Trim().ToUpperInvariant()))
            {
                problems.Add(new(nameof(d.ShippingCountry), "Checkout.Error.ShippingCountry"));
            }
        }
        if (d.PaymentMethod is null || !Enum.IsDefined(d.PaymentMethod.Value))
        {
            problems.Add(new(nameof(d.PaymentMethod), "Checkout.Error.PaymentMethod"));
        }
        if (hasSeats && d.BuyFor is null)
        {
            // Its seats are given to people by the organisation's administrators, so there must be one.
            problems.Add(new(nameof(d.BuyFor), "Checkout.Error.SeatsNeedOrganization"));
        }
        return problems;
    }

    /// <summary>Trims, and turns line breaks and other control characters (which would break a PDF stamp or a mail header) into spaces.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var cleaned = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static bool Text(List<Problem> problems, string field, string? value, int max, bool required)
    {
        var cleaned = Clean(value);
        if (cleaned is null)
        {
            if (required)
            {
                problems.Add(new(field, "Checkout.Error.Required." + field));
            }
            return false;
        }
        if (cleaned.Length > max)
        {
            problems.Add(new(field, "Checkout.Error.TooLong"));
            return false;
        }
        return true;
    }

    private static bool IsEmail(string value) =>
        MimeKit.MailboxAddress.TryParse(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
