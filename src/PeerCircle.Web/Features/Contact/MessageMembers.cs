using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Contact;

/// <summary>The facilitator's message form, as posted: all text, so anything wrong comes back with a message.</summary>
public sealed class MessageForm
{
    /// <summary><see cref="MessageMembers.Everyone"/>, or one member's membership id.</summary>
    public string? To { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
}

/// <summary>An accepted member as a facilitator may see them when writing: the name they chose, never their address.</summary>
public sealed record MessageRecipient(Guid MembershipId, string DisplayName, bool MayEmail);

public sealed record MessageGroup(Guid Id, string Name, string Slug, IReadOnlyList<MessageRecipient> Members);

public sealed record MessageResult(Dictionary<string, string[]> Errors, int Sent, int NotEmailed);

/// <summary>
/// Facilitators reach members through the platform: each chosen member gets their own e-mail from the program's
/// address, unless they said no to e-mail. The facilitator never sees a member's address, no message names more than
/// one member, and replies do not go to a member. Each send is audited, without the message itself.
/// </summary>
public sealed class MessageMembers(
    PeerCircleDb db, AuditTrail audit, EmailSender email, AccountLinks links, IStringLocalizer<SharedResource> text)
{
    public const string Everyone = "all";
    public const int SubjectMax = 120;
    public const int BodyMax = 4000;

    /// <summary>The group and its accepted members, or null unless the user leads or co-leads it or is a coordinator.</summary>
    public async Task<MessageGroup?> FindAsync(Guid groupId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var group = await db.Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Select(g => new { g.Id, g.Name, g.Slug, g.LeadFacilitatorId, g.CoFacilitatorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null || userId is null
            || !(user.IsInRole(Roles.Coordinator) || group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId))
        {
            return null;
        }
        var members = await Accepted(groupId)
            .Select(m => new MessageRecipient(m.MembershipId, m.DisplayName, m.MayEmail))
            .ToListAsync(cancellationToken);
        return new MessageGroup(group.Id, group.Name, group.Slug,
            [.. members.OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>Sends the message to one member or every accepted member of <paramref name="group"/>, one e-mail each.</summary>
    public async Task<MessageResult> SendAsync(MessageGroup group, string senderId, MessageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var subject = string.Join(' ', (form.Subject ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (subject.Length is 0 or > SubjectMax)
        {
            errors["Subject"] = [text["Please write a short subject, up to 120 characters."]];
        }
        var body = (form.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (body.Length is 0 or > BodyMax)
        {
            errors["Body"] = [text["Please write your message, up to 4,000 characters."]];
        }
        List<MessageRecipient> chosen = [];
        if (form.To == Everyone)
        {
            chosen = [.. group.Members];
            if (chosen.Count == 0)
            {
                errors["To"] = [text["This group has no members yet, so there is no one to write to."]];
            }
            else if (!chosen.Any(m => m.MayEmail))
            {
                errors["To"] = [text["No one in this group has agreed to get e-mail. Please share your news at your next meeting instead."]];
            }
        }
        else if (Guid.TryParse(form.To, out var membershipId) && group.Members.FirstOrDefault(m => m.MembershipId == membershipId) is { } one)
        {
            chosen = [one];
            if (!one.MayEmail)
            {
                errors["To"] = [text["{0} asked us not to e-mail them. Please talk with them at your next meeting instead.", one.DisplayName]];
            }
        }
        else
        {
            errors["To"] = [text["Please choose who gets the message."]];
        }
        if (errors.Count > 0)
        {
            return new MessageResult(errors, 0, 0);
        }

        // Addresses are read here, server-side, only for the members chosen; the page never receives them.
        var ids = chosen.Where(m => m.MayEmail).Select(m => m.MembershipId).ToList();
        var recipients = await Accepted(group.Id)
            .Where(m => ids.Contains(m.MembershipId))
            .Select(m => new { m.UserId, m.DisplayName, m.Email })
            .ToListAsync(cancellationToken);
        var sender = await db.Users.Where(u => u.Id == senderId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            ?? "Your facilitator";
        var sent = 0;
        try
        {
            foreach (var member in recipients)
            {
                if (member.Email is not { Length: > 0 } address)
                {
                    continue;
                }
                await email.SendAsync(address, $"{group.Name}: {subject}", Letter(member.DisplayName, sender, group.Name, body), cancellationToken);
                audit.StageChange(AuditActions.MemberMessaged, "Member", member.UserId,
                    string.Create(CultureInfo.InvariantCulture, $"Group {group.Id}; one e-mail from a facilitator"));
                sent++;
            }
        }
        finally
        {
            // Whatever was sent is on record, even if a later message could not go.
            if (sent > 0)
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        return new MessageResult(errors, sent, chosen.Count - sent);
    }

    private IQueryable<AcceptedMember> Accepted(Guid groupId) =>
        db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Accepted)
            .Select(m => new AcceptedMember
            {
                MembershipId = m.Id,
                UserId = m.UserId,
                DisplayName = m.User!.DisplayName,
                Email = m.User.Email,
                // A member who has not filled in a profile has not said no to e-mail.
                MayEmail = db.MemberProfiles.Where(p => p.UserId == m.UserId).Select(p => (bool?)p.MayEmail).FirstOrDefault() ?? true,
            });

    private string Letter(string memberName, string sender, string groupName, string body) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {memberName},\n\n")
            .Append(CultureInfo.InvariantCulture, $"{sender}, a facilitator of {groupName}, sent you this message through PeerCircle:\n\n")
            .Append(body)
            .Append("\n\n---\n")
            .Append(CultureInfo.InvariantCulture, $"Please do not reply to this e-mail; replies are not read. You can talk with {sender} at your next meeting.\n")
            .Append(CultureInfo.InvariantCulture, $"You get this because you are a member of {groupName}. If you would rather not get e-mail from us, tell your facilitator or change your contact choices here: {links.To("/me/about")}\n")
            .Append(CultureInfo.InvariantCulture, $"If you need help right now: {links.Help}\n\nPeerCircle")
            .ToString();

    private sealed class AcceptedMember
    {
        public Guid MembershipId { get; init; }
        public string UserId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? Email { get; init; }
        public bool MayEmail { get; init; }
    }
}
