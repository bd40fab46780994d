using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.UnitTests.Features.Groups;

public class MeetingTimesTests
{
    private static MeetingSchedule Schedule(
        Frequency frequency, DayOfWeek day, int hour, int minute, string timeZone, int weekOfMonth = 1) => new()
        {
            Frequency = frequency,
            DayOfWeek = day,
            WeekOfMonth = weekOfMonth,
            StartMinuteOfDay = (hour * 60) + minute,
            DurationMinutes = 90,
            TimeZoneId = timeZone,
            StartsOn = new DateOnly(2027, 1, 1),
        };

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void ToRRule_Weekly_RepeatsEveryWeekOnTheDay()
    {
        Assert.Equal("FREQ=WEEKLY;BYDAY=TU",
            MeetingTimes.ToRRule(Schedule(Frequency.Weekly, DayOfWeek.Tuesday, 18, 30, "America/Chicago")));
    }

    [Fact]
    public void ToRRule_Biweekly_RepeatsEveryOtherWeek()
    {
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            MeetingTimes.ToRRule(Schedule(Frequency.Biweekly, DayOfWeek.Thursday, 17, 30, "America/New_York")));
    }

    [Fact]
    public void ToRRule_Monthly_NamesTheWeekOfTheMonth()
    {
        Assert.Equal("FREQ=MONTHLY;BYDAY=2MO",
            MeetingTimes.ToRRule(Schedule(Frequency.Monthly, DayOfWeek.Monday, 18, 0, "America/Los_Angeles", weekOfMonth: 2)));
    }

    [Fact]
    public void ToRRule_MonthlyLastWeek_UsesMinusOne()
    {
        Assert.Equal("FREQ=MONTHLY;BYDAY=-1WE",
            MeetingTimes.ToRRule(Schedule(Frequency.Monthly, DayOfWeek.Wednesday, 18, 0, "America/Phoenix", weekOfMonth: -1)));
    }

    [Fact]
    public void Next_WeeklyChicagoEvening_KeepsLocalTimeAcrossTheMarchDstChange()
    {
        // US daylight saving time begins on Sunday 14 March 2027. A 6:30 PM Tuesday meeting in Chicago is
        // 00:30 UTC the next day while on CST (UTC-6) and 23:30 UTC the same day on CDT (UTC-5).
        var schedule = Schedule(Frequency.Weekly, DayOfWeek.Tuesday, 18, 30, "America/Chicago");

        var next = MeetingTimes.Next(schedule, Utc(2027, 3, 5, 0, 0), 3);

        Assert.Equal(
            [Utc(2027, 3, 10, 0, 30), Utc(2027, 3, 16, 23, 30), Utc(2027, 3, 23, 23, 30)],
            next);
        Assert.All(next, instant => Assert.Equal(DateTimeKind.Utc, instant.Kind));
    }

    [Fact]
    public void Next_StartsStrictlyAfterTheGivenInstant()
    {
        var schedule = Schedule(Frequency.Weekly, DayOfWeek.Tuesday, 18, 30, "America/Chicago");

        var next = MeetingTimes.Next(schedule, Utc(2027, 3, 10, 0, 30), 1);

        Assert.Equal([Utc(2027, 3, 16, 23, 30)], next);
    }

    [Fact]
    public void Next_MonthlySecondMonday_FallsOnTheSecondMondayOfEachMonth()
    {
        // January, February and March 2027 start on a Friday, a Monday and a Monday; 6 PM EST is 23:00 UTC.
        var schedule = Schedule(Frequency.Monthly, DayOfWeek.Monday, 18, 0, "America/New_York", weekOfMonth: 2);

        var next = MeetingTimes.Next(schedule, Utc(2027, 1, 1, 0, 0), 3);

        Assert.Equal([Utc(2027, 1, 11, 23, 0), Utc(2027, 2, 8, 23, 0), Utc(2027, 3, 8, 23, 0)], next);
    }

    [Fact]
    public void Next_MonthlyLastWednesday_FallsInTheLastSevenDaysOfEachMonth()
    {
        // Phoenix keeps MST (UTC-7) all year, so 6 PM there is 01:00 UTC the next day.
        var schedule = Schedule(Frequency.Monthly, DayOfWeek.Wednesday, 18, 0, "America/Phoenix", weekOfMonth: -1);

        var next = MeetingTimes.Next(schedule, Utc(2027, 1, 1, 0, 0), 3);

        Assert.Equal([Utc(2027, 1, 28, 1, 0), Utc(2027, 2, 25, 1, 0), Utc(2027, 4, 1, 1, 0)], next);
    }

    [Fact]
    public void Next_Biweekly_MeetsFourteenDaysApart()
    {
        var schedule = Schedule(Frequency.Biweekly, DayOfWeek.Thursday, 17, 30, "America/Phoenix");

        var next = MeetingTimes.Next(schedule, Utc(2027, 2, 1, 0, 0), 3);

        Assert.Equal(3, next.Count);
        Assert.Equal(TimeSpan.FromDays(14), next[1] - next[0]);
        Assert.Equal(TimeSpan.FromDays(14), next[2] - next[1]);
    }

    [Fact]
    public void Next_Biweekly_CountsFortnightsFromTheFirstMeetingOnOrAfterStartsOn()
    {
        // Starts on Friday 1 January 2027: the first Thursday is 7 January, then every other Thursday.
        var schedule = Schedule(Frequency.Biweekly, DayOfWeek.Thursday, 17, 30, "America/Phoenix");

        var next = MeetingTimes.Next(schedule, Utc(2027, 1, 1, 0, 0), 3);

        Assert.Equal([Utc(2027, 1, 8, 0, 30), Utc(2027, 1, 22, 0, 30), Utc(2027, 2, 5, 0, 30)], next);
    }

    [Theory]
    [InlineData(Frequency.Weekly, 1, "Every Tuesday, 6:30 PM to 8:00 PM")]
    [InlineData(Frequency.Biweekly, 1, "Every other Tuesday, 6:30 PM to 8:00 PM")]
    [InlineData(Frequency.Monthly, 2, "Second Tuesday of each month, 6:30 PM to 8:00 PM")]
    [InlineData(Frequency.Monthly, -1, "Last Tuesday of each month, 6:30 PM to 8:00 PM")]
    public void DescribeRule_ReadsAsPlainEnglish(Frequency frequency, int weekOfMonth, string expected)
    {
        Assert.Equal(expected, MeetingTimes.DescribeRule(frequency, DayOfWeek.Tuesday, weekOfMonth, (18 * 60) + 30, 90));
    }
}
