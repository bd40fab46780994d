using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.UnitTests.Infrastructure.Texts;

public class TextSenderTests
{
    [Theory]
    [InlineData("(202) 456-1414", "US", "+12024561414")]
    [InlineData("202.456.1414", "US", "+12024561414")]
    [InlineData("312 555 0142", "US", "+13125550142")]
    [InlineData("+1 202 456 1414", "GB", "+12024561414")]
    [InlineData("07400 123456", "GB", "+447400123456")]
    public void ANumberThatCanTakeATextIsWrittenInInternationalForm(string phone, string region, string expected) =>
        Assert.Equal(expected, TextSender.MobileNumber(phone, region));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("call me at home")]
    [InlineData("+44 20 7946 0958")] // a London landline: it cannot take a text
    [InlineData("+1 800 555 0199")] // toll-free
    public void ANumberThatCannotTakeATextIsRefused(string? phone) => Assert.Null(TextSender.MobileNumber(phone, "US"));

    [Theory]
    [InlineData(true, true, ContactChannel.Text, true, true, ReminderChannel.Text)]
    [InlineData(true, true, ContactChannel.Email, true, true, ReminderChannel.Email)]
    [InlineData(true, true, ContactChannel.Phone, true, true, ReminderChannel.Email)]
    [InlineData(false, true, ContactChannel.Email, true, true, ReminderChannel.Text)]
    [InlineData(true, true, ContactChannel.Text, true, false, ReminderChannel.Email)] // no number that takes texts
    [InlineData(true, false, ContactChannel.Text, true, true, ReminderChannel.Email)] // prefers texts, but has not allowed them
    [InlineData(false, true, ContactChannel.Text, true, false, null)]
    [InlineData(false, false, ContactChannel.Text, true, true, null)]
    [InlineData(true, false, ContactChannel.Email, false, true, null)] // no e-mail address (a closed account)
    public void TheReminderGoesByAChannelTheMemberAllows(bool mayEmail, bool mayText, ContactChannel preferred, bool hasEmail, bool hasMobile, ReminderChannel? expected)
    {
        var profile = new MemberProfile { MayEmail = mayEmail, MayText = mayText, PreferredChannel = preferred };
        Assert.Equal(expected, ReminderChannels.Choose(profile, hasEmail, hasMobile));
    }

    [Fact]
    public void AMemberWithoutAProfileIsRemindedByEmail()
    {
        Assert.Equal(ReminderChannel.Email, ReminderChannels.Choose(null, hasEmail: true, hasMobile: false));
        Assert.Null(ReminderChannels.Choose(null, hasEmail: false, hasMobile: true));
    }

    [Theory]
    [InlineData("Production", "", null)]
    [InlineData("Production", "AC00000000000000000000000000000001", "+13125550142")]
    [InlineData("Development", "", "+13125550142")]
    public void OnAProductionInstallWithoutTwilio_NobodyIsTexted(string environment, string accountSid, string? expected)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new TextOptions { Twilio = new() { AccountSid = accountSid } });
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var sender = new TextSender(options, services.GetRequiredService<IHttpClientFactory>(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TextSender>.Instance);

        Assert.Equal(expected, sender.TextableNumber("(312) 555-0142"));
    }
}
