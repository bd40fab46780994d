using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.IntegrationTests.Features.Outcomes.Surveys;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.IntegrationTests.Infrastructure.Texts;

/// <summary>
/// With Twilio set up, a text leaves as a request to Twilio's Messages API (through the Twilio library) instead of a file
/// in the pickup folder. The network is replaced at the last step, where the request would leave the machine.
/// </summary>
public class TwilioDeliveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string AccountSid = "AC00000000000000000000000000000001";

    /// <summary>Answers as Twilio would, and keeps what it was sent.</summary>
    private sealed class TwilioLine(HttpStatusCode status, string json) : HttpMessageHandler
    {
        public List<(HttpMethod Method, Uri? Uri, string? Authorization, string Form)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri, request.Headers.Authorization?.ToString(), form));
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }

    private static async Task<(PeerCircleAppFactory App, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Twilio)> StartAsync(TwilioLine line)
    {
        var app = await PeerCircleAppFactory.StartAsync(DatabaseProvider.Sqlite, Cancel);
        var twilio = app.WithWebHostBuilder(b => b
            .UseSetting("Texts:Twilio:AccountSid", AccountSid)
            .UseSetting("Texts:Twilio:AuthToken", "secret-token")
            .UseSetting("Texts:Twilio:From", "+13125550100")
            .ConfigureTestServices(s => s.AddHttpClient(TextSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => line)));
        return (app, twilio);
    }

    [Fact]
    public async Task AText_IsSentThroughTwilio_FromTheProgramsNumber()
    {
        var line = new TwilioLine(HttpStatusCode.Created, """{"sid":"SM00000000000000000000000000000001","status":"queued","body":"Hello"}""");
        var (app, twilio) = await StartAsync(line);
        await using var _ = app;
        await using var __ = twilio;

        await twilio.Services.GetRequiredService<TextSender>().SendAsync("+12024561414", "A short survey is waiting for you.", Cancel);

        var (method, uri, authorization, form) = Assert.Single(line.Requests);
        var fields = form.Split('&').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => WebUtility.UrlDecode(f[1]));
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json", uri?.GetLeftPart(UriPartial.Path));
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:secret-token"))}", authorization);
        Assert.Equal("+12024561414", fields["To"]);
        Assert.Equal("+13125550100", fields["From"]);
        Assert.Equal("A short survey is waiting for you.", fields["Body"]);
        Assert.Empty(app.ReadTextOutbox());
    }

    [Fact]
    public async Task ATextTwilioRefuses_FailsLoudly_SoTheSenderCanTryAgainLater()
    {
        var line = new TwilioLine(HttpStatusCode.BadRequest, """{"code":21211,"message":"The 'To' number +12024561414 is not a valid phone number.","status":400}""");
        var (app, twilio) = await StartAsync(line);
        await using var _ = app;
        await using var __ = twilio;

        var refused = await Assert.ThrowsAsync<TextNotSentException>(() =>
            twilio.Services.GetRequiredService<TextSender>().SendAsync("+12024561414", "A short survey is waiting for you.", Cancel));

        Assert.Equal((21211, 400, false), (refused.Code, refused.Status, refused.OptedOut));
        // Logged as it is, so it must not carry the member's number.
        Assert.DoesNotContain("2024561414", refused.Message, StringComparison.Ordinal);
        Assert.Single(line.Requests);
        Assert.Empty(app.ReadTextOutbox());
    }

    [Fact]
    public async Task AMemberWhoRepliedStop_IsNotTextedAgain_AndIsRemindedByEmailInstead()
    {
        var line = new TwilioLine(HttpStatusCode.BadRequest, """{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}""");
        var (app, twilio) = await StartAsync(line);
        await using var _ = app;
        await using var __ = twilio;
        await SurveyTestKit.AddInstrumentAsync(app.Services, "stop-test", [0], Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        await SurveyTestKit.ChangeProfileAsync(app.Services, memberId, p => (p.MayText, p.PreferredChannel, p.Phone) = (true, ContactChannel.Text, "(312) 555-0142"), Cancel);

        await SurveyTestKit.SweepAsync(twilio.Services, Cancel);
        var profile = await SurveyTestKit.DbAsync(app.Services, db => db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == memberId, Cancel));
        Assert.Single(line.Requests);
        Assert.Equal((false, ContactChannel.Email), (profile.MayText, profile.PreferredChannel));
        Assert.True(await SurveyTestKit.DbAsync(app.Services, db => db.AuditEvents.AnyAsync(
            e => e.RecordId == memberId && e.Detail == "Replied STOP to a text: texts turned off", Cancel)));

        await SurveyTestKit.SweepAsync(twilio.Services, Cancel);
        Assert.Single(line.Requests);
        Assert.Contains(app.ReadOutbox(), m => m.To.Mailboxes.Any(a => a.Address == "member33@demo.local"));
    }
}
