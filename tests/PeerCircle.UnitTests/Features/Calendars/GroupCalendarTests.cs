using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.UnitTests.Features.Calendars;

public class GroupCalendarTests
{
    // Tuesdays at 6:30 PM in Chicago; in January 2027 (CST) that is 00:30 UTC on Wednesday.
    private static readonly Group Tuesdays = new()
    {
        Id = Guid.Parse("0f6a3c1e-2b8d-4d9a-9c61-5a7e3f1b2c44"),
        Status = GroupStatus.Active,
        Schedule = new MeetingSchedule
        {
            Frequency = Frequency.Weekly, DayOfWeek = DayOfWeek.Tuesday, StartMinuteOfDay = (18 * 60) + 30,
            TimeZoneId = "America/Chicago", StartsOn = new DateOnly(2027, 1, 1),
        },
    };

    private static DateTime Utc(int month, int day, int hour, int minute) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static MeetingChange Cancelled(DateTime planned) => new() { GroupId = Tuesdays.Id, OccurrenceStartUtc = planned, Cancelled = true, Reason = "Holiday." };

    private static MeetingChange Moved(DateTime planned, DateTime to) => new() { GroupId = Tuesdays.Id, OccurrenceStartUtc = planned, MovedToStartUtc = to, Reason = "Room." };

    [Fact]
    public void Upcoming_WithoutChanges_IsTheSchedule()
    {
        var meetings = GroupCalendar.Upcoming(Tuesdays, [], Utc(1, 10, 0, 0), 3, includeCancelled: false);

        Assert.Equal([Utc(1, 13, 0, 30), Utc(1, 20, 0, 30), Utc(1, 27, 0, 30)], meetings.Select(m => m.StartUtc));
        Assert.All(meetings, m => Assert.Equal(MeetingState.AsPlanned, m.State));
    }

    [Fact]
    public void Upcoming_LeavesOutACancelledMeeting_AndStillListsAsManyAsAskedFor()
    {
        var meetings = GroupCalendar.Upcoming(Tuesdays, [Cancelled(Utc(1, 20, 0, 30))], Utc(1, 10, 0, 0), 3, includeCancelled: false);

        Assert.Equal([Utc(1, 13, 0, 30), Utc(1, 27, 0, 30), Utc(2, 3, 0, 30)], meetings.Select(m => m.StartUtc));
    }

    [Fact]
    public void Upcoming_CanShowTheCancelledMeetingMarkedAsSuch()
    {
        var meetings = GroupCalendar.Upcoming(Tuesdays, [Cancelled(Utc(1, 20, 0, 30))], Utc(1, 10, 0, 0), 3, includeCancelled: true);

        Assert.Equal(MeetingState.Cancelled, meetings[1].State);
        Assert.Equal("Holiday.", meetings[1].Reason);
    }

    [Fact]
    public void Upcoming_ShowsAMovedMeetingAtItsNewTime_InOrder()
    {
        // The 13 January meeting moves past the 20 January one.
        var meetings = GroupCalendar.Upcoming(Tuesdays, [Moved(Utc(1, 13, 0, 30), Utc(1, 22, 0, 30))], Utc(1, 10, 0, 0), 3, includeCancelled: false);

        Assert.Equal([Utc(1, 20, 0, 30), Utc(1, 22, 0, 30), Utc(1, 27, 0, 30)], meetings.Select(m => m.StartUtc));
        Assert.Equal(MeetingState.Moved, meetings[1].State);
        Assert.Equal(Utc(1, 13, 0, 30), meetings[1].ScheduledStartUtc);
    }

    [Fact]
    public void Upcoming_IncludesAMeetingMovedLater_AfterItsPlannedTimeHasPassed()
    {
        var meetings = GroupCalendar.Upcoming(Tuesdays, [Moved(Utc(1, 13, 0, 30), Utc(1, 16, 15, 0))], Utc(1, 14, 0, 0), 2, includeCancelled: false);

        Assert.Equal([Utc(1, 16, 15, 0), Utc(1, 20, 0, 30)], meetings.Select(m => m.StartUtc));
    }

    [Fact]
    public void Upcoming_LeavesOutAMeetingMovedEarlier_IntoThePast()
    {
        var meetings = GroupCalendar.Upcoming(Tuesdays, [Moved(Utc(1, 20, 0, 30), Utc(1, 12, 0, 30))], Utc(1, 14, 0, 0), 2, includeCancelled: false);

        Assert.Equal([Utc(1, 27, 0, 30), Utc(2, 3, 0, 30)], meetings.Select(m => m.StartUtc));
    }

    [Fact]
    public void Upcoming_IgnoresOtherGroupsChanges_AndChangesToMeetingsTheScheduleDoesNotHave()
    {
        var otherGroup = new MeetingChange { GroupId = Guid.NewGuid(), OccurrenceStartUtc = Utc(1, 13, 0, 30), Cancelled = true };
        var offSchedule = Moved(Utc(1, 12, 0, 30), Utc(1, 18, 0, 30));

        var meetings = GroupCalendar.Upcoming(Tuesdays, [otherGroup, offSchedule], Utc(1, 10, 0, 0), 2, includeCancelled: false);

        Assert.Equal([Utc(1, 13, 0, 30), Utc(1, 20, 0, 30)], meetings.Select(m => m.StartUtc));
    }

    [Fact]
    public void IsScheduled_KnowsTheSchedulesOwnMeetings_AcrossDaylightSaving()
    {
        // 16 March 2027 is after the clocks change: 6:30 PM CDT is 23:30 UTC.
        Assert.True(GroupCalendar.IsScheduled(Tuesdays.Schedule, Utc(3, 16, 23, 30)));
        Assert.False(GroupCalendar.IsScheduled(Tuesdays.Schedule, Utc(3, 17, 0, 30)));
        Assert.False(GroupCalendar.IsScheduled(Tuesdays.Schedule, Utc(1, 14, 0, 30)));
    }

    [Theory]
    [InlineData(GroupStatus.Active, true)]
    [InlineData(GroupStatus.Recruiting, true)]
    [InlineData(GroupStatus.Paused, false)]
    [InlineData(GroupStatus.Closed, false)]
    public void OnlyActiveAndRecruitingGroupsMeet(GroupStatus status, bool meets) => Assert.Equal(meets, GroupCalendar.Meets(status));
}
