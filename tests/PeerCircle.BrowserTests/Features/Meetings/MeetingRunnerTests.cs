using PeerCircle.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data.Groups;

namespace PeerCircle.BrowserTests.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class MeetingRunnerTests(BrowserFixture fixture)
{
    private const string GroupName = "Runner Test Evening Circle";

    [Fact]
    public async Task Facilitator_RunsAWholeMeeting_WhileTheCoFacilitatorFollowsLive()
    {
        var groupId = await AddGroupMeetingNowAsync();
        await using var lead = await fixture.NewVisitorAsync();
        await using var co = await fixture.NewVisitorAsync();
        await lead.SignInWithCodeAsync("facilitator4@demo.local");
        await co.SignInWithCodeAsync("facilitator5@demo.local");
        var page = lead.Page;
        var follower = co.Page;

        await lead.VisitAsync("/facilitator");
        await lead.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Run the meeting of {GroupName} now" }));
        var runPath = new Uri(page.Url).PathAndQuery;
        Assert.Contains($"/facilitator/groups/{groupId}/run/", runPath, StringComparison.Ordinal);
        await co.VisitAsync(runPath);
        await Expect(follower.GetByRole(AriaRole.Heading, new() { Name = "Ready when you are" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Your co-facilitator has this page open too")).ToBeVisibleAsync();

        // Attendance as people arrive: a member on the roster, and a caller known only by name.
        var rosa = page.GetByTestId("person-Rosa T.");
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Present" }).ClickAsync();
        await Expect(rosa.GetByRole(AriaRole.Button, new() { Name = "Present" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Walt");
        await page.GetByLabel("Joined by").SelectOptionAsync("Phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add as present" }).ClickAsync();
        await Expect(follower.GetByTestId("person-Walt")).ToContainTextAsync("Phone");
        await Expect(follower.GetByTestId("person-Rosa T.").GetByRole(AriaRole.Button, new() { Name = "Present" })).ToHaveAttributeAsync("aria-pressed", "true");
        await lead.CheckAsync();

        // Part 1: the welcome, the comfort agreement and the crisis question; the co-facilitator's clock starts too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Part 1 of 6: Check-in" })).ToBeVisibleAsync();
        await Expect(page.GetByText("is anyone in crisis today", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(follower.GetByRole(AriaRole.Heading, new() { Name = "Part 1 of 6: Check-in" })).ToBeVisibleAsync();
        await Expect(follower.GetByTestId("clock")).ToContainTextAsync("left in this part");
        await Expect(page.GetByText("Not heard from yet: Rosa T., Walt.", new() { Exact = false })).ToBeVisibleAsync();

        // Share of the air: Rosa speaks, Walt passes.
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Speaking now" }).ClickAsync();
        await Expect(follower.GetByTestId("person-Rosa T.").GetByRole(AriaRole.Button, new() { Name = "Finished speaking" })).ToBeVisibleAsync();
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Finished speaking" }).ClickAsync();
        await page.GetByTestId("person-Walt").GetByRole(AriaRole.Button, new() { Name = "Passed" }).ClickAsync();
        await Expect(page.GetByText("Not heard from yet", new() { Exact = false })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("person-Walt")).ToContainTextAsync("passed 1");

        // A private concern, in one tap and a choice.
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Note a concern about Rosa T." }).ClickAsync();
        await page.GetByLabel("What is the concern about Rosa T.?").SelectOptionAsync("Distress");
        await page.GetByLabel("A short private note (optional)").FillAsync("Teary about her scan; said she is not sleeping.");
        await lead.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the concern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The concern is saved privately");
        await Expect(follower.GetByTestId("person-Rosa T.")).ToContainTextAsync("Concern noted");

        // Parts 2 to 5, with the co-facilitator following each move.
        string[] parts = ["Member presentations and the planned topic", "Topical exercise", "Gaining feedback", "Confidentiality reminder"];
        for (var i = 0; i < parts.Length; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next part" }).ClickAsync();
            var heading = $"Part {i + 2} of 6: {parts[i]}";
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
            await Expect(follower.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        }
        await lead.CheckAsync();

        // The confidentiality reminder cannot be skipped: there is no way on until it is given.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next part" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "I gave the confidentiality reminder" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next part" }).ClickAsync();
        await Expect(follower.GetByRole(AriaRole.Heading, new() { Name = "Part 6 of 6: Contact information and the next meeting" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Our next meeting is on", new() { Exact = false })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();
        await Expect(follower.GetByRole(AriaRole.Heading, new() { Name = "The meeting has ended" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Write the post-meeting log" })).ToBeVisibleAsync();
        await co.CheckAsync();

        // The concern waits in the post-meeting log.
        await lead.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Write the post-meeting log" }));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Teary about her scan; said she is not sleeping.");

        var (attended, concerns) = await fixture.App.QueryAsync(async db => (
            await db.MeetingAttendances.CountAsync(a => a.GroupId == groupId && a.Status == AttendanceStatus.Present),
            await db.Concerns.CountAsync(c => c.GroupId == groupId)));
        Assert.Equal((2, 1), (attended, concerns));
    }

    /// <summary>A video group of facilitator4 and facilitator5 whose weekly meeting began a few minutes ago, with one member.</summary>
    private async Task<Guid> AddGroupMeetingNowAsync()
    {
        const string zoneId = "America/Chicago";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
        var minute = local.Hour * 60 + local.Minute;
        // Began 20 minutes ago; just after midnight, it begins in a few minutes instead (the runner opens an hour early).
        var start = minute >= 20 ? minute - 20 : minute + 5;
        var id = Guid.NewGuid();
        return await fixture.App.QueryAsync(async db =>
        {
            var lead = await db.Users.SingleAsync(u => u.Email == "facilitator4@demo.local");
            var co = await db.Users.SingleAsync(u => u.Email == "facilitator5@demo.local");
            var member = await db.Users.SingleAsync(u => u.Email == "member36@demo.local");
            member.DisplayName = "Rosa T.";
            db.Groups.Add(new Group
            {
                Id = id, Name = GroupName, Slug = "runner-test-evening-circle", Description = "A group for the meeting runner test.",
                Audience = Audience.Mixed, GroupType = GroupType.OpenForum, Membership = MembershipPolicy.Open, Modality = Modality.Video,
                Language = "en", Status = GroupStatus.Active, Capacity = 10,
                Schedule = new MeetingSchedule
                {
                    Frequency = Frequency.Weekly, DayOfWeek = local.DayOfWeek, StartMinuteOfDay = start, DurationMinutes = 90,
                    TimeZoneId = zoneId, StartsOn = DateOnly.FromDateTime(local).AddDays(-7),
                },
                Place = new MeetingPlace { MeetingLink = "https://meet.peercircle.example/runner-test" },
                LeadFacilitatorId = lead.Id, CoFacilitatorId = co.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                Memberships = [new GroupMembership { Id = Guid.NewGuid(), GroupId = id, UserId = member.Id, Status = MembershipStatus.Accepted, CreatedAtUtc = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
            return id;
        });
    }
}
