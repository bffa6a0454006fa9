using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Cli;

namespace Normative.Features.Accounts;

/// <summary>
/// `normative users create|list`: how the first administrator comes to exist.
/// `normative users token create`: a personal API token for scripts, printed once on stdout.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Manage user accounts.");

        var email = new Option<string>("--email") { Description = "The person's e-mail address (their user name).", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var password = new Option<string?>("--password") { Description = "At least 12 characters. Omit it to be asked, or to get a generated one when input is not a terminal." };
        var name = new Option<string?>("--name") { Description = "The name shown on the site." };
        var create = new Command("create", "Create a user with a role (or add the role to an existing user). The e-mail counts as confirmed.")
        {
            email, role, password, name,
        };
        create.SetAction((parse, ct) => CliHost.RunAsync(parse, (sp, token) => CreateAsync(sp,
            parse.GetRequiredValue(email), parse.GetRequiredValue(role), parse.GetValue(password), parse.GetValue(name)), ct));
        users.Subcommands.Add(create);

        var list = new Command("list", "List users and their roles.");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, ListAsync, ct));
        users.Subcommands.Add(list);

        var token = new Command("token", "Personal API tokens.");
        var tokenEmail = new Option<string>("--email") { Description = "The user the token acts for.", Required = true };
        var tokenName = new Option<string>("--name") { Description = "What the token is for, e.g. 'nightly upload'.", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Make the token stop working after this many days (default: never)." };
        var tokenCreate = new Command("create", "Create a personal API token for a user and print it (only now: it is stored hashed).")
        {
            tokenEmail, tokenName, days,
        };
        tokenCreate.SetAction((parse, ct) => CliHost.RunAsync(parse, (sp, c) => CreateTokenAsync(sp,
            parse.GetRequiredValue(tokenEmail), parse.GetRequiredValue(tokenName), parse.GetValue(days), c), ct));
        token.Subcommands.Add(tokenCreate);
        users.Subcommands.Add(token);
        return users;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, string email, string name, int? days, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            await Console.Error.WriteLineAsync("normative users token create: --name must be 1 to 100 characters.");
            return 1;
        }
        if (days is <= 0)
        {
            await Console.Error.WriteLineAsync("normative users token create: --expires-in-days must be at least 1.");
            return 1;
        }
        var user = await sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"normative users token create: no user has the e-mail address '{email}'.");
            return 1;
        }
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var (_, secret) = await ApiTokens.CreateAsync(sp.GetRequiredService<Data.NormativeDb>(), user.Id, name.Trim(), now,
            days is { } d ? now.AddDays(d) : null, ct);
        // The secret alone on stdout, so that TOKEN=$(normative users token create …) works.
        Console.WriteLine(secret);
        return 0;
    }

    private static async Task<int> CreateAsync(IServiceProvider sp, string email, string roleName, string? password, string? name)
    {
        var role = Roles.Find(roleName);
        if (role is null)
        {
            Console.Error.WriteLine($"normative users create: unknown role '{roleName}'. Roles: {string.Join(", ", Roles.All)}.");
            return 1;
        }
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            Console.Error.WriteLine($"normative users create: '{email}' is not an e-mail address.");
            return 1;
        }
        var manager = sp.GetRequiredService<UserManager<User>>();
        var existing = await manager.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (await manager.IsInRoleAsync(existing, role))
            {
                Console.WriteLine($"{email} already exists and has the role {role}.");
                return 0;
            }
            var added = await manager.AddToRoleAsync(existing, role);
            return Report(added, $"{email} already existed; the role {role} was added.");
        }

        var generated = false;
        if (password is null)
        {
            password = ReadPassword();
            if (string.IsNullOrEmpty(password))
            {
                password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
                generated = true;
            }
        }
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await manager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return Report(result, "");
        }
        result = await manager.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            return Report(result, "");
        }
        Console.WriteLine($"Created {email} with the role {role}.");
        if (generated)
        {
            Console.WriteLine($"Generated password (shown once): {password}");
        }
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.Trim();
        }
        Console.Write("Password (at least 12 characters; leave empty to generate one): ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
                continue;
            }
            chars.Add(key.KeyChar);
        }
        Console.WriteLine();
        return new string([.. chars]);
    }

    private static int Report(IdentityResult result, string success)
    {
        if (result.Succeeded)
        {
            Console.WriteLine(success);
            return 0;
        }
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine("normative users create: " + error.Description);
        }
        return 1;
    }

    private static async Task<int> ListAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<Data.NormativeDb>();
        var rows = await (from u in db.Users
                          orderby u.Email
                          select new
                          {
                              u.Email,
                              u.EmailConfirmed,
                              Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                          }).ToListAsync(ct);
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Email}\t{string.Join(",", row.Roles)}{(row.EmailConfirmed ? "" : "\t(unconfirmed)")}");
        }
        Console.WriteLine($"{rows.Count} users.");
        return 0;
    }
}
