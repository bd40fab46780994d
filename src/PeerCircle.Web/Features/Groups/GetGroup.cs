using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.Web.Features.Groups;

/// <summary>What anyone may know about a group.</summary>
public sealed record PublicGroup(
    Guid Id, string Slug, string Name, string Description, string Audience, IReadOnlyList<string> CancerFocus,
    string GroupType, string Membership, string Modality, string Language, string Status, int Capacity,
    string? VenueName, string? AddressLine, string? City, string? State, string? PostalCode,
    double? Latitude, double? Longitude, string Schedule, string TimeZone, string? Facilitator,
    IReadOnlyList<DateTime> NextMeetingsUtc);

/// <summary>A group's page: public facts, plus remote-meeting details for the people allowed to see them.</summary>
public sealed record GroupDetails(PublicGroup Public, Group Group)
{
    public bool CanSeePrivateDetails { get; init; }

    /// <summary>Which of the next meetings are one-off extra meetings, added to the usual schedule.</summary>
    public IReadOnlySet<DateTime> ExtraMeetingsUtc { get; init; } = new HashSet<DateTime>();
}

public sealed class GetGroup(PeerCircleDb db, GroupCalendar calendar)
{
    public const int UpcomingMeetings = 3;

    /// <summary>Finds a public group (recruiting, active or paused) by id or slug; null when there is none.</summary>
    public async Task<GroupDetails?> HandleAsync(string idOrSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrSlug);
        if (idOrSlug.Length > 200)
        {
            return null;
        }
        var groups = db.Groups.AsNoTracking()
            .Include(g => g.CancerFocus)
            .Include(g => g.LeadFacilitator)
            .Where(g => g.Status != GroupStatus.Closed);
        var group = Guid.TryParse(idOrSlug, out var id)
            ? await groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            : await groups.FirstOrDefaultAsync(g => g.Slug == idOrSlug.ToLowerInvariant(), cancellationToken);
        if (group is null)
        {
            return null;
        }

        // Cancelled meetings are left out and moved ones shown at their new time.
        var meetings = await calendar.NextAsync(group, UpcomingMeetings, cancellationToken);
        var next = meetings.Select(m => m.StartUtc).ToList();
        var s = group.Schedule;
        var summary = new PublicGroup(
            group.Id, group.Slug, group.Name, group.Description, EnumText.ToKebab(group.Audience),
            group.CancerFocus.Select(f => EnumText.ToKebab(f.CancerType)).ToList(),
            EnumText.ToKebab(group.GroupType), EnumText.ToKebab(group.Membership), EnumText.ToKebab(group.Modality),
            group.Language, EnumText.ToKebab(group.Status), group.Capacity,
            group.Place.VenueName, group.Place.AddressLine, group.Place.City, group.Place.State, group.Place.PostalCode,
            group.Place.Latitude, group.Place.Longitude,
            MeetingTimes.DescribeRule(s.Frequency, s.DayOfWeek, s.WeekOfMonth, s.StartMinuteOfDay, s.DurationMinutes),
            s.TimeZoneId, group.LeadFacilitator?.DisplayName, next);
        return new GroupDetails(summary, group) { ExtraMeetingsUtc = meetings.Where(m => m.Added).Select(m => m.StartUtc).ToHashSet() };
    }

    /// <summary>Meeting links and dial-in numbers go only to accepted members, the group's facilitators and coordinators.</summary>
    public async Task<bool> CanSeePrivateDetailsAsync(Group group, string? userId, bool isCoordinator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (userId is null)
        {
            return false;
        }
        if (isCoordinator || group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId)
        {
            return true;
        }
        return await db.GroupMemberships.AnyAsync(
            m => m.GroupId == group.Id && m.UserId == userId && m.Status == MembershipStatus.Accepted, cancellationToken);
    }
}
