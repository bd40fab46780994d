using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PeerCircle.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public string From { get; set; } = "PeerCircle <no-reply@peercircle.local>";

    /// <summary>Where messages are written as .eml files when no SMTP host is set.</summary>
    public string PickupDirectory { get; set; } = "data/outbox";
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "";
        public int Port { get; set; } = 587;
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool UseStartTls { get; set; } = true;
    }
}

/// <summary>Sends mail through SMTP when a host is configured, otherwise drops .eml files in the pickup folder.</summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailSender> logger)
{
    private readonly EmailOptions _options = options.Value;

    public Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default) =>
        SendAsync(to, subject, textBody, calendar: null, cancellationToken);

    /// <summary>Sends a message with an optional iCalendar file attached, so the event lands in the reader's calendar.</summary>
    public async Task SendAsync(string to, string subject, string textBody, CalendarAttachment? calendar, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var builder = new BodyBuilder { TextBody = textBody };
        if (calendar is not null)
        {
            builder.Attachments.Add(calendar.FileName, System.Text.Encoding.UTF8.GetBytes(calendar.Ics), new ContentType("text", "calendar") { Charset = "utf-8" });
        }
        message.Body = builder.ToMessageBody();

        if (string.IsNullOrWhiteSpace(_options.Smtp.Host))
        {
            var folder = Path.IsPathRooted(_options.PickupDirectory)
                ? _options.PickupDirectory
                : Path.Combine(environment.ContentRootPath, _options.PickupDirectory);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            // Written under another name, then renamed: whoever reads the folder never sees half a message.
            var partial = path + ".partial";
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path);
            logger.LogInformation("E-mail \"{Subject}\" written to {Path}", subject, path);
            return;
        }

        using var smtp = new SmtpClient();
        var security = _options.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(_options.Smtp.Host, _options.Smtp.Port, security, cancellationToken);
        if (_options.Smtp.UserName.Length > 0)
        {
            await smtp.AuthenticateAsync(_options.Smtp.UserName, _options.Smtp.Password, cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>An iCalendar file to attach to a message.</summary>
public sealed record CalendarAttachment(string FileName, string Ics);

public static class EmailExtensions
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .BindConfiguration("Email")
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Email:From must be a valid address.")
            .Validate(o => o.Smtp.Host.Length > 0 || o.PickupDirectory.Length > 0, "Set Email:Smtp:Host or Email:PickupDirectory.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EmailSender>();
        return builder;
    }
}
