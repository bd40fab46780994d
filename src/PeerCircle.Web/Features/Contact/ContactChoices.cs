using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Contact;

/// <summary>The member's contact-sheet form, as posted: the ticked boxes, as text.</summary>
public sealed class ContactChoicesForm
{
    public string[]? Share { get; set; }
}

/// <summary>What a member could show on one group's contact sheet, and what they chose.</summary>
public sealed record ContactChoicesView(
    Guid MembershipId, Guid GroupId, string GroupName, string GroupSlug, string DisplayName, string? Email, string? Phone,
    bool ShareName, bool ShareEmail, bool SharePhone);

/// <summary>
/// A member chooses, per group, what the group's contact sheet shows about them: their display name, e-mail and
/// phone. Nothing is shown unless ticked. Only members whose place was accepted have a contact sheet to be on.
/// </summary>
public sealed class ContactChoices(PeerCircleDb db, AuditTrail audit, IStringLocalizer<SharedResource> text)
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";

    /// <summary>The member's choices for the group, or null when they are not an accepted member of it.</summary>
    public async Task<ContactChoicesView?> FindAsync(string slug, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(userId);
        if (slug.Length is 0 or > 200)
        {
            return null;
        }
        var key = slug.ToLowerInvariant();
        return await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Accepted && m.Group!.Slug == key)
            .Select(m => new ContactChoicesView(
                m.Id, m.GroupId, m.Group!.Name, m.Group.Slug, m.User!.DisplayName, m.User.Email,
                db.MemberProfiles.Where(p => p.UserId == m.UserId).Select(p => p.Phone).FirstOrDefault(),
                m.ShareNameOnContactSheet, m.ShareEmailOnContactSheet, m.SharePhoneOnContactSheet))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the ticked choices with an audit event; returns what to fix, or nothing when saved.</summary>
    public async Task<Dictionary<string, string[]>> SaveAsync(ContactChoicesView current, ContactChoicesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var ticked = (form.Share ?? []).ToHashSet(StringComparer.Ordinal);
        if (ticked.Any(t => t is not (Name or Email or Phone)))
        {
            errors["share-name"] = [text["Please choose only from the boxes shown."]];
        }
        if (ticked.Contains(Phone) && string.IsNullOrWhiteSpace(current.Phone))
        {
            errors["share-phone"] = [text["You have not given us a phone number, so there is none to share. Untick the phone box, or add your number to your details first."]];
        }
        if (ticked.Contains(Email) && string.IsNullOrWhiteSpace(current.Email))
        {
            errors["share-email"] = [text["There is no e-mail address on your account to share. Please untick the e-mail box."]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var membership = await db.GroupMemberships.SingleAsync(m => m.Id == current.MembershipId, cancellationToken);
        membership.ShareNameOnContactSheet = ticked.Contains(Name);
        membership.ShareEmailOnContactSheet = ticked.Contains(Email);
        membership.SharePhoneOnContactSheet = ticked.Contains(Phone);
        audit.StageChange(AuditActions.ContactChoicesChanged, "GroupMembership", membership.Id.ToString(),
            string.Create(CultureInfo.InvariantCulture,
                $"Group {current.GroupId}; name: {YesNo(membership.ShareNameOnContactSheet)}, e-mail: {YesNo(membership.ShareEmailOnContactSheet)}, phone: {YesNo(membership.SharePhoneOnContactSheet)}"));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    private static string YesNo(bool shared) => shared ? "shared" : "not shared";
}
