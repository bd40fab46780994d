using PeerCircle.Data.Members;

namespace PeerCircle.Web.Features.Members;

/// <summary>The ways a reminder can reach a member.</summary>
public enum ReminderChannel { Email, Text }

public static class ReminderChannels
{
    /// <summary>
    /// How a member hears about a meeting or a survey: by text when they prefer texts and allow them, else by e-mail
    /// when they allow it, else by text when they allow that; null when they allow neither (or gave nothing we can
    /// use), and then they see it on their own page only. Members without a profile have not said no to e-mail.
    /// </summary>
    public static ReminderChannel? Choose(MemberProfile? profile, bool hasEmail, bool hasMobile)
    {
        var mayEmail = (profile?.MayEmail ?? true) && hasEmail;
        var mayText = profile is { MayText: true } && hasMobile;
        return profile?.PreferredChannel == ContactChannel.Text && mayText ? ReminderChannel.Text
            : mayEmail ? ReminderChannel.Email
            : mayText ? ReminderChannel.Text
            : null;
    }
}
