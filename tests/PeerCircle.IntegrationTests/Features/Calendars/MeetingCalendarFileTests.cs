using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerCircle.Data.Groups;
using PeerCircle.Web;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>Cancelled and moved meetings in the calendar file, across a daylight-saving change, read by the independent parser.</summary>
public class MeetingCalendarFileTests
{
    private static readonly IStringLocalizer<SharedResource> English = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static readonly Group Chicago = new()
    {
        Id = Guid.Parse("7c2d7a1e-4a55-4f7e-9b59-0d7c1f9e2a10"),
        Name = "Tuesday Circle, Chicago",
        Slug = "tuesday-circle",
        Status = GroupStatus.Active,
        Modality = Modality.Hybrid,
        Schedule = new MeetingSchedule
        {
            Frequency = Frequency.Weekly, DayOfWeek = DayOfWeek.Tuesday, StartMinuteOfDay = (18 * 60) + 30, DurationMinutes = 90,
            TimeZoneId = "America/Chicago", StartsOn = new DateOnly(2027, 1, 1),
        },
        Place = new MeetingPlace
        {
            VenueName = "Community Room", AddressLine = "1 Main St", City = "Chicago", State = "IL", PostalCode = "60611",
            MeetingLink = "https://meet.example/tuesday",
        },
    };

    private static DateTime Utc(int month, int day, int hour, int minute) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static IcsComponent Calendar(bool showPrivateDetails, params MeetingChange[] changes) => IcsReader.Parse(MeetingCalendarFile.ToIcs(
        [new CalendarEntry(Chicago, changes, showPrivateDetails, "https://peercircle.example/groups/tuesday-circle")],
        Chicago.Name, Utc(3, 1, 12, 0), English));

    [Fact]
    public void ACancelledMeeting_IsAnOverrideWithTheSameUid_NamedByItsPlannedStartInTheGroupsZone()
    {
        // Daylight saving time starts on 14 March 2027: 6:30 PM in Chicago is 23:30 UTC on the 16th.
        var cancelled = new MeetingChange
        {
            GroupId = Chicago.Id, OccurrenceStartUtc = Utc(3, 16, 23, 30), Cancelled = true, Reason = "The room is being painted.",
            ChangedAtUtc = Utc(3, 1, 9, 0),
        };

        var events = Calendar(showPrivateDetails: false, cancelled).Components("VEVENT").ToList();

        Assert.Equal(2, events.Count);
        var series = Assert.Single(events, e => e.Property("RECURRENCE-ID") is null);
        var exception = Assert.Single(events, e => e.Property("RECURRENCE-ID") is not null);
        Assert.Equal(series.Value("UID"), exception.Value("UID"));
        Assert.Equal("CANCELLED", exception.Value("STATUS"));
        var recurrenceId = exception.Property("RECURRENCE-ID")!;
        Assert.Equal("America/Chicago", recurrenceId.Parameter("TZID"));
        Assert.Equal(new DateTime(2027, 3, 16, 18, 30, 0), IcsReader.LocalOf(recurrenceId));
        Assert.Equal(cancelled.OccurrenceStartUtc, IcsReader.ToUtc(recurrenceId));
        // The planned meeting really is one the series gives, as read by the independent expander.
        Assert.Contains(cancelled.OccurrenceStartUtc, IcsReader.Occurrences(series, Utc(3, 1, 0, 0)).Take(4));
        Assert.Contains("The room is being painted.", exception.Property("DESCRIPTION")!.Text, StringComparison.Ordinal);
        Assert.Equal("Chicago, IL, or by video", exception.Property("LOCATION")!.Text);
    }

    [Fact]
    public void AMovedMeeting_KeepsItsRecurrenceId_AndStartsAtTheNewTime()
    {
        // The 9 March meeting (CST, 00:30 UTC on the 10th) moves to Wednesday 10 March at 6:30 PM.
        var moved = new MeetingChange
        {
            GroupId = Chicago.Id, OccurrenceStartUtc = Utc(3, 10, 0, 30), MovedToStartUtc = Utc(3, 11, 0, 30), Reason = "Election day.",
            ChangedAtUtc = Utc(3, 1, 9, 0),
        };

        var exception = Assert.Single(Calendar(showPrivateDetails: true, moved).Components("VEVENT"), e => e.Property("RECURRENCE-ID") is not null);

        Assert.Equal(moved.OccurrenceStartUtc, IcsReader.ToUtc(exception.Property("RECURRENCE-ID")!));
        Assert.Equal(new DateTime(2027, 3, 10, 18, 30, 0), IcsReader.LocalOf(exception.Property("DTSTART")!));
        Assert.Equal(moved.MovedToStartUtc, IcsReader.ToUtc(exception.Property("DTSTART")!));
        Assert.NotEqual("CANCELLED", exception.Value("STATUS"));
        Assert.Equal("Community Room, 1 Main St, Chicago, IL, 60611, or by video: https://meet.example/tuesday", exception.Property("LOCATION")!.Text);
    }

    [Fact]
    public void AChangeToAMeetingTheScheduleNoLongerHas_IsLeftOut()
    {
        // Say the coordinator moved the group to Thursdays after this Tuesday meeting was cancelled.
        var stale = new MeetingChange { GroupId = Chicago.Id, OccurrenceStartUtc = Utc(3, 12, 0, 30), Cancelled = true, Reason = "Old." };

        Assert.Single(Calendar(showPrivateDetails: false, stale).Components("VEVENT"));
    }

    [Fact]
    public void TextWithCommasSemicolonsAndLineBreaks_ComesBackExactly()
    {
        var cancelled = new MeetingChange
        {
            GroupId = Chicago.Id, OccurrenceStartUtc = Utc(3, 16, 23, 30), Cancelled = true,
            Reason = "Snow; roads closed, sorry.\nSee you next week \\ take care.",
        };

        var exception = Assert.Single(Calendar(showPrivateDetails: false, cancelled).Components("VEVENT"), e => e.Property("RECURRENCE-ID") is not null);

        Assert.Contains(cancelled.Reason, exception.Property("DESCRIPTION")!.Text, StringComparison.Ordinal);
    }
}
