using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using PeerCircle.Data;
using PeerCircle.Web.Features.Accounts;

namespace PeerCircle.IntegrationTests.Infrastructure.Email;

/// <summary>With an SMTP host configured, mail leaves through SMTP (MailKit) instead of the pickup folder.</summary>
public class SmtpDeliveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfirmationMail_IsDeliveredToTheConfiguredSmtpServer()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await PeerCircleAppFactory.StartAsync(DatabaseProvider.Sqlite, Cancel);
        await using var smtpApp = app.WithWebHostBuilder(b => b
            .UseSetting("Email:Smtp:Host", "127.0.0.1")
            .UseSetting("Email:Smtp:Port", smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Email:Smtp:UseStartTls", "false"));

        await using (var scope = smtpApp.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<RegisterMember>().HandleAsync(new RegistrationForm
            {
                FullName = "Ana Ruiz", DisplayName = "Ana R.", Email = "ana@example.org", DateOfBirth = "1968-09-12",
                Password = "copper lantern river fig", ConfirmPassword = "copper lantern river fig",
            }, Cancel);
            Assert.Empty(errors);
        }

        var message = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("ana@example.org", Assert.Single(message.ToAddresses).Address);
        Assert.Equal("Please confirm your e-mail address", message.Headers["Subject"]);
        Assert.Contains("/account/confirm-email?userId=", message.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.Empty(app.ReadOutbox());
    }
}
