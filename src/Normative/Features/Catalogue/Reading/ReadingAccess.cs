using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue.Reading;

/// <summary>Who reads a whole text: a licence holder for that language, and the Editors who load the texts.</summary>
public static class ReadingAccess
{
    public static async Task<bool> ReadsEverythingAsync(ClaimsPrincipal user, IAuthorizationService authorization, IReadingLicences licences,
        int deliverableId, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(licences);
        if (user.UserId() is not { } userId)
        {
            return false;
        }
        return (await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded
            || await licences.HoldsAsync(userId, deliverableId, language, ct);
    }
}
