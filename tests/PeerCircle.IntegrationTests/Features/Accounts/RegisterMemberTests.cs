using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PeerCircle.Data;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Accounts;

public class RegisterMemberTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static RegistrationForm Form(string email, string password = "lantern orchard velvet canoe") => new()
    {
        FullName = "Rosa Delgado",
        DisplayName = "Rosa D.",
        Email = email,
        DateOfBirth = "1970-05-31",
        Password = password,
        ConfirmPassword = password,
    };

    private static async Task<Dictionary<string, string[]>> RegisterAsync(PeerCircleAppFactory app, RegistrationForm form)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterMember>().HandleAsync(form, Cancel);
    }

    [Theory, AllProviders]
    public async Task NewMember_IsSentAConfirmationLinkToThisSite(DatabaseProvider provider)
    {
        // An app of its own, so the outbox holds only this test's mail.
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);

        var errors = await RegisterAsync(app, Form("rosa@example.org"));

        Assert.Empty(errors);
        var message = Assert.Single(app.ReadOutbox());
        Assert.Equal("rosa@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Please confirm your e-mail address", message.Subject);
        Assert.Contains(PeerCircleAppFactory.PublicBaseUrl + "/account/confirm-email?userId=", message.TextBody, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var user = await db.Users.SingleAsync(u => u.Email == "rosa@example.org", Cancel);
        Assert.False(user.EmailConfirmed);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AccountRegistered && e.RecordId == user.Id, Cancel));
    }

    [Theory, AllProviders]
    public async Task AddressAlreadyRegistered_GetsASignInReminderAndTheSameAnswer(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);

        var errors = await RegisterAsync(app, Form(PeerCircleAppFactory.MemberEmail));

        Assert.Empty(errors);
        var message = Assert.Single(app.ReadOutbox());
        Assert.Equal("You already have a PeerCircle account", message.Subject);
        Assert.Contains(PeerCircleAppFactory.PublicBaseUrl + "/account/login", message.TextBody, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task CommonPassword_IsRefusedWithAPlainMessage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var errors = await RegisterAsync(app, Form($"{Guid.NewGuid():N}@example.org", password: "Password1234"));

        var message = Assert.Single(errors["Password"]);
        Assert.StartsWith("This password is too easy to guess.", message, StringComparison.Ordinal);
    }
}
