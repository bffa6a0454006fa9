using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

/// <summary>
/// Answers the queued forgotten-password requests (<see cref="PasswordResetRequests"/>): a confirmed
/// account gets a reset link by mail, through the outbox, in the language of the page it was asked
/// from; any other address gets nothing.
/// </summary>
public sealed class PasswordResetWorker(PasswordResetRequests requests, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PasswordResetWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await AnswerAsync(request);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A password reset request could not be answered");
            }
        }
    }

    private async Task AnswerAsync(PasswordResetRequests.Request request)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null || !user.EmailConfirmed)
        {
            return;
        }
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = request.Culture;
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<NormativeDb>();
            var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SiteText>>();
            var organization = scope.ServiceProvider.GetRequiredService<IOptions<OrganizationOptions>>().Value.Name;
            var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = SiteLinks.Mail(configuration, AccountLinks.ResetPassword(user.Email!, code));
            AccountMail.QueueReset(db, t, organization, user, link);
            await db.SaveChangesAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
