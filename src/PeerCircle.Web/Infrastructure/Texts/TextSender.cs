using System.Globalization;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;

namespace PeerCircle.Web.Infrastructure.Texts;

public sealed class TextOptions
{
    /// <summary>The country a phone number written without a country code belongs to (ISO 3166 code, like "US").</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Where texts are written as .txt files when Twilio is not set up.</summary>
    public string PickupDirectory { get; set; } = "data/outbox-texts";
    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>True when texts go out through Twilio rather than to the pickup folder.</summary>
    public bool UsesTwilio => Twilio.AccountSid.Length > 0;

    public sealed class TwilioOptions
    {
        public string AccountSid { get; set; } = "";
        public string AuthToken { get; set; } = "";

        /// <summary>The program's number texts come from, in international form (+13125550142)…</summary>
        public string From { get; set; } = "";

        /// <summary>…or a Twilio messaging service, which picks the number itself.</summary>
        public string MessagingServiceSid { get; set; } = "";
    }
}

/// <summary>Twilio refused a text. The message names no phone number, so it can be logged as it is.</summary>
public sealed class TextNotSentException(int code, int status)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Twilio refused the text (error {code}, HTTP status {status})."))
{
    /// <summary>Twilio's error for a number that replied STOP: no text reaches it until it replies START.</summary>
    public const int UnsubscribedCode = 21610;

    public int Code { get; } = code;
    public int Status { get; } = status;

    /// <summary>The member replied STOP to an earlier text.</summary>
    public bool OptedOut => Code == UnsubscribedCode;
}

/// <summary>
/// Sends text messages (SMS) through Twilio when it is set up, otherwise drops .txt files in the pickup folder, the
/// way <see cref="Email.EmailSender"/> does with mail. Outside development, with Twilio not set up, nobody would read
/// that folder, so texting is off (<see cref="CanDeliver"/>) and reminders go by e-mail instead.
/// </summary>
public sealed class TextSender(IOptions<TextOptions> options, IHttpClientFactory httpClients, IHostEnvironment environment, ILogger<TextSender> logger)
{
    /// <summary>The named HTTP client the Twilio requests go through.</summary>
    public const string HttpClientName = "twilio";

    private readonly TextOptions _options = options.Value;

    /// <summary>True when a text would reach someone: Twilio is set up, or this is not a production install.</summary>
    public bool CanDeliver => _options.UsesTwilio || !environment.IsProduction();

    /// <summary>The number to text a member on, or null when it cannot take texts or texts cannot be sent here.</summary>
    public string? TextableNumber(string? phone) => CanDeliver ? MobileNumber(phone) : null;

    /// <summary>
    /// The number in international (E.164) form when it is a valid number that can take a text (a mobile, or in North
    /// America any number, since landlines and mobiles look alike there); otherwise null.
    /// </summary>
    public string? MobileNumber(string? phone) => MobileNumber(phone, _options.DefaultRegion);

    public static string? MobileNumber(string? phone, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var util = PhoneNumberUtil.GetInstance();
        PhoneNumbers.PhoneNumber parsed;
        try
        {
            parsed = util.Parse(phone, defaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
        if (!util.IsValidNumber(parsed) || util.GetNumberType(parsed) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return null;
        }
        return util.Format(parsed, PhoneNumberFormat.E164);
    }

    /// <summary>Sends <paramref name="body"/> to a number in E.164 form (see <see cref="MobileNumber(string?)"/>).</summary>
    public async Task SendAsync(string toE164, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toE164);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        if (!_options.UsesTwilio)
        {
            var folder = Path.IsPathRooted(_options.PickupDirectory)
                ? _options.PickupDirectory
                : Path.Combine(environment.ContentRootPath, _options.PickupDirectory);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.txt"));
            // Written under another name, then renamed: whoever reads the folder never sees half a message.
            await File.WriteAllTextAsync(path + ".partial", $"To: {toE164}\n\n{body}\n", cancellationToken);
            File.Move(path + ".partial", path);
            logger.LogInformation("Text message written to {Path}", path);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var twilio = _options.Twilio;
        using var http = httpClients.CreateClient(HttpClientName);
        var client = new TwilioRestClient(twilio.AccountSid, twilio.AuthToken, twilio.AccountSid, region: null, httpClient: new SystemNetHttpClient(http));
        var message = new CreateMessageOptions(new Twilio.Types.PhoneNumber(toE164)) { Body = body };
        if (twilio.MessagingServiceSid.Length > 0)
        {
            message.MessagingServiceSid = twilio.MessagingServiceSid;
        }
        else
        {
            message.From = new Twilio.Types.PhoneNumber(twilio.From);
        }
        try
        {
            var sent = await MessageResource.CreateAsync(message, client);
            logger.LogInformation("Text message {Sid} handed to Twilio", sent.Sid);
        }
        catch (Twilio.Exceptions.ApiException refused)
        {
            // Twilio's own message names the number; this one does not.
            throw new TextNotSentException(refused.Code, refused.Status);
        }
    }
}

public static partial class TextExtensions
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\A\+[1-9][0-9]{6,14}\z")]
    private static partial System.Text.RegularExpressions.Regex InternationalForm();

    public static WebApplicationBuilder AddTexts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TextOptions>()
            .BindConfiguration("Texts")
            .Validate(o => PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(o.DefaultRegion),
                "Texts:DefaultRegion must be a two-letter country code, like US.")
            .Validate(o => !o.UsesTwilio || o.Twilio.AuthToken.Length > 0, "Texts:Twilio:AuthToken is needed with Texts:Twilio:AccountSid.")
            .Validate(o => !o.UsesTwilio || o.Twilio.MessagingServiceSid.Length > 0 || InternationalForm().IsMatch(o.Twilio.From),
                "Texts:Twilio:From must be the program's number in international form, like +13125550142 (or set Texts:Twilio:MessagingServiceSid).")
            .Validate(o => o.UsesTwilio || o.PickupDirectory.Length > 0, "Set Texts:Twilio:AccountSid or Texts:PickupDirectory.")
            .ValidateOnStart();
        // Twilio's call takes no cancellation token, so a slow answer is cut off here instead.
        builder.Services.AddHttpClient(TextSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<TextSender>();
        return builder;
    }
}
