using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;

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

    /// <summary>
    /// The member replied STOP to one of our texts: they are not texted again (audited), and their reminders go by
    /// e-mail if they allow it. Saves at once.
    /// </summary>
    public static async Task StopTextingAsync(PeerCircleDb db, AuditTrail audit, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == memberId, cancellationToken);
        if (profile is not { MayText: true })
        {
            return;
        }
        profile.MayText = false;
        if (profile.PreferredChannel == ContactChannel.Text)
        {
            profile.PreferredChannel = profile.MayEmail ? ContactChannel.Email : ContactChannel.Phone;
        }
        audit.StageChange(AuditActions.ProfileChanged, "Member", memberId, "Replied STOP to a text: texts turned off");
        await db.SaveChangesAsync(cancellationToken);
    }
}
