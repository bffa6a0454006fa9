using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

/// <summary>Identity's messages in the page's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SiteText> t) : IdentityErrorDescriber
{
    private IdentityError Error(string code, params object[] args) => new() { Code = code, Description = t["Identity." + code, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(DefaultError));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail), userName ?? "");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email ?? "");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail), userName);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(DefaultError));
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DefaultError));
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(DefaultError));
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(DefaultError));
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), role);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error("CommonPassword");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(DefaultError));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(DefaultError));
    public override IdentityError PasswordRequiresLower() => Error(nameof(DefaultError));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(DefaultError));
}
