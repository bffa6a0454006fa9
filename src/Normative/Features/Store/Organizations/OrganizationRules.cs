using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Organizations;

/// <summary>
/// What an organisation's details must be, who may stop being an administrator, and when an
/// invitation can be accepted. Each problem is a resource key of <see cref="OrganizationText"/>.
/// </summary>
public static class OrganizationRules
{
    public sealed record Problem(string Field, string Key);

    /// <summary>The details as they are stored: trimmed, the country upper case, the VAT number written the canonical way.</summary>
    public sealed record Details(string Name, string Country, string? VatNumber);

    /// <summary>How long an invitation's link works.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    /// <summary>Checks what was typed; the details are null when there is a problem.</summary>
    public static (Details? Details, IReadOnlyList<Problem> Problems) Check(string? name, string? country, string? vatNumber, Func<string, bool> isCountry)
    {
        ArgumentNullException.ThrowIfNull(isCountry);
        var problems = new List<Problem>();
        var cleanName = Clean(name);
        if (cleanName is null)
        {
            problems.Add(new("Name", "Organizations.Error.NameRequired"));
        }
        else if (cleanName.Length > 200)
        {
            problems.Add(new("Name", "Organizations.Error.NameTooLong"));
        }
        var code = country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || !isCountry(code))
        {
            problems.Add(new("Country", "Organizations.Error.Country"));
            code = null;
        }
        string? vat = null;
        if (Clean(vatNumber) is { } typed)
        {
            // Checked against the country's format, as at checkout: a number in the wrong format would
            // lose a business its reverse charge on every order bought for the organisation.
            vat = typed.Length > 50 || code is null ? null : VatNumbers.Normalize(code, typed);
            if (vat is null && code is not null)
            {
                problems.Add(new("VatNumber", "Organizations.Error.VatNumber"));
            }
        }
        return problems.Count == 0 ? (new Details(cleanName!, code!, vat), problems) : (null, problems);
    }

    /// <summary>An e-mail address as stored for invitations and seats (trimmed, lower case), or null when it is not one.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 256 || value.Any(char.IsControl))
        {
            return null;
        }
        return MimeKit.MailboxAddress.TryParse(value, out var address) && address.Address == value && value.Contains('@', StringComparison.Ordinal)
            && value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal)
            ? value.ToLowerInvariant()
            : null;
    }

    /// <summary>Whether a member may stop being an administrator (or leave, or be removed): there must always be one left.</summary>
    public static bool KeepsAnAdministrator(OrganizationRole role, int administrators) =>
        role != OrganizationRole.Administrator || administrators > 1;

    /// <summary>Null when the person signed in as <paramref name="email"/> may accept the invitation now, else why not.</summary>
    public static string? CheckAcceptance(OrganizationInvitation? invitation, string? email, DateTimeOffset now) => invitation switch
    {
        null => "Invitation.Error.Unknown",
        { AcceptedAt: not null } => "Invitation.Error.Used",
        _ when invitation.ExpiresAt <= now => "Invitation.Error.Expired",
        _ when !string.Equals(invitation.Email, NormalizeEmail(email), StringComparison.Ordinal) => "Invitation.Error.OtherAddress",
        _ => null,
    };

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var cleaned = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
