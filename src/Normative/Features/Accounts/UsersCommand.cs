using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Cli;

namespace Normative.Features.Accounts;

/// <summary>`normative users create|list`: how the first administrator comes to exist.</summary>
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
        return users;
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
