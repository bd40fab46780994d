using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>A check-in a facilitator records for a member, as posted.</summary>
public sealed class MemberCheckInForm
{
    public string? MemberId { get; set; }
    public string? Distress { get; set; }
    public string? FeelingWord { get; set; }
    public string? Note { get; set; }
}

/// <summary>An accepted member of a group, by the name they use in it.</summary>
public sealed record GroupMemberName(string UserId, string Name);

/// <summary>
/// A facilitator records a check-in for a member of their group who has no phone with them or checks in on arrival.
/// The member's own rules apply (the same window, score and limits), the facilitator is kept as who recorded it, and a
/// check-in the member sent themself is never written over.
/// </summary>
public sealed class RecordCheckInForMember(PeerCircleDb db, RecordCheckIn checkIns, IStringLocalizer<SharedResource> text)
{
    /// <summary>The group's accepted members, by the names they use in the group.</summary>
    public async Task<List<GroupMemberName>> MembersAsync(Guid groupId, CancellationToken cancellationToken) =>
        [.. (await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Accepted)
            .Select(m => new { m.UserId, m.User!.DisplayName })
            .ToListAsync(cancellationToken))
            .Select(m => new GroupMemberName(m.UserId, m.DisplayName))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)];

    /// <summary>True when check-ins for this meeting are open now: from the day before until it ends.</summary>
    public async Task<bool> IsOpenAsync(Group group, GroupMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var (open, _) = await checkIns.OpenMeetingAsync(group, cancellationToken);
        return open is not null && open.ScheduledStartUtc == meeting.ScheduledStartUtc;
    }

    public async Task<Dictionary<string, string[]>> HandleAsync(
        Group group, GroupMeeting meeting, MemberCheckInForm form, string facilitatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        if (!await IsOpenAsync(group, meeting, cancellationToken))
        {
            return new() { ["MemberId"] = [text["Check-ins for this meeting are open from the day before until it ends."]] };
        }
        var member = (await MembersAsync(group.Id, cancellationToken)).FirstOrDefault(m => m.UserId == form.MemberId);
        if (member is null)
        {
            return new() { ["MemberId"] = [text["Please choose a member of the group."]] };
        }
        var own = await db.MeetingCheckIns.AsNoTracking().AnyAsync(
            c => c.GroupId == group.Id && c.OccurrenceStartUtc == meeting.ScheduledStartUtc && c.UserId == member.UserId && c.RecordedById == member.UserId,
            cancellationToken);
        if (own)
        {
            return new() { ["MemberId"] = [text["{0} has already checked in themself, so their own check-in is kept.", member.Name]] };
        }
        var errors = await checkIns.HandleAsync(group, meeting, member.UserId, facilitatorId,
            new CheckInForm { Distress = form.Distress, FeelingWord = form.FeelingWord, Note = form.Note }, cancellationToken);
        // The member's form speaks to the member; here the facilitator reads it.
        if (errors.ContainsKey("Distress"))
        {
            errors["Distress"] = [text["Please choose a number from 0 to 10 for how they are doing this week."]];
        }
        return errors;
    }
}
