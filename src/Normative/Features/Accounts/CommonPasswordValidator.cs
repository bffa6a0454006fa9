using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

/// <summary>
/// Refuses passwords that attackers try first: those on our list of common passwords, common words
/// padded with digits or symbols ("password1234!"), a single repeated character, keyboard runs,
/// and the account's own e-mail address.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SiteText> t) : IPasswordValidator<User>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        return Task.FromResult(IsCommon(password, user.Email)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = t["Identity.CommonPassword"] })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password, string? email = null)
    {
        var p = password.Trim().ToLowerInvariant();
        if (p.Length == 0 || Common.Value.Contains(p))
        {
            return true;
        }
        if (p.Distinct().Count() <= 2)
        {
            return true;
        }
        // A common word with digits or symbols around it is as weak as the word.
        var core = p.Trim("0123456789!@#$%^&*()_-+=.,?~ ".ToCharArray());
        if (core.Length >= 3 && Common.Value.Contains(core))
        {
            return true;
        }
        if (IsRun(p))
        {
            return true;
        }
        if (email is not null)
        {
            var e = email.ToLowerInvariant();
            var local = e.Split('@')[0];
            if (p == e || p == local || (local.Length >= 6 && p.Contains(local, StringComparison.Ordinal) && p.Length - local.Length < 6))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRun(string p)
    {
        const string runs = "abcdefghijklmnopqrstuvwxyz 01234567890 qwertyuiopasdfghjklzxcvbnm 1qaz2wsx3edc4rfv5tgb 1q2w3e4r5t6y7u8i9o0p";
        if (runs.Contains(p, StringComparison.Ordinal))
        {
            return true;
        }
        var reversed = new string(p.Reverse().ToArray());
        return runs.Contains(reversed, StringComparison.Ordinal);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("Normative.Features.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }
        return set;
    }
}
