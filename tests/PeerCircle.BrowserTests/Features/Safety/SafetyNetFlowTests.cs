using Microsoft.EntityFrameworkCore;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Data.Groups;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>The closed loop: a worrying check-in → crisis help at once → the on-call clinician's live queue → follow-up → closure for the facilitator.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SafetyNetFlowTests(BrowserFixture fixture)
{
    private const string GroupName = "Safety Flow Circle";
    private const string Slug = "safety-flow-circle";

    [Fact]
    public async Task AWorryingCheckIn_ReachesTheClinicianLive_AndTheFacilitatorHearsThatSomeoneFollowedUp()
    {
        var groupId = await AddGroupMeetingSoonAsync();
        await using var clinician = await fixture.NewVisitorAsync();
        await clinician.SignInWithCodeAsync("clinician@demo.local");
        await clinician.VisitAsync("/clinician/cases");
        var queue = clinician.Page.GetByTestId("queue-live");
        await Expect(queue).ToBeVisibleAsync();

        // The member checks in from their phone: a high score, worrying words and a yes to the safety question.
        await using var member = await fixture.NewVisitorAsync(phone: true);
        await member.SignInAsync("member37@demo.local", BrowserTestApp.DemoPassword);
        await member.VisitAsync($"/me/groups/{Slug}/check-in");
        await member.Page.GetByLabel("8", new() { Exact = true }).CheckAsync();
        await member.Page.GetByLabel("Anything you want your facilitator to know (optional)").FillAsync("I can't do this anymore. I keep thinking everyone would be better off without me.");
        await member.Page.GetByRole(AriaRole.Group, new() { Name = "In the last week, have you had thoughts of hurting yourself or ending your life?" })
            .GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }));
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for telling us. You matter, and you don't have to face this alone." })).ToBeVisibleAsync();
        await Expect(member.Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "988", Exact = false }).First).ToBeVisibleAsync();

        // Without a reload, the clinician's queue shows the urgent case.
        await Expect(clinician.Page.GetByTestId("queue")).ToContainTextAsync("Sam K.");
        await Expect(clinician.Page.GetByTestId("queue")).ToContainTextAsync("answered yes to the safety question");
        await clinician.CheckAsync();

        // The facilitator notes a concern in the meeting; it joins the same case.
        await using var facilitator = await fixture.NewVisitorAsync();
        await facilitator.SignInWithCodeAsync("facilitator2@demo.local");
        await facilitator.VisitAsync("/facilitator");
        await facilitator.SubmitAsync(facilitator.Page.GetByRole(AriaRole.Link, new() { Name = $"Run the meeting of {GroupName} now" }));
        var sam = facilitator.Page.GetByTestId("person-Sam K.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Note a concern about Sam K." }).ClickAsync();
        await facilitator.Page.GetByLabel("What is the concern about Sam K.?").SelectOptionAsync("Distress");
        await facilitator.Page.GetByRole(AriaRole.Button, new() { Name = "Save the concern" }).ClickAsync();
        await Expect(facilitator.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The concern is saved privately");

        // The clinician works the case through.
        await clinician.SubmitAsync(clinician.Page.GetByTestId("queue").GetByRole(AriaRole.Link, new() { Name = "Sam K." }));
        await Expect(clinician.Page.GetByText("a facilitator noted a concern", new() { Exact = false })).ToBeVisibleAsync();
        await clinician.SubmitAsync(clinician.Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: I am picking this up" }));
        await clinician.Page.GetByLabel("Connected to counseling or psycho-oncology").CheckAsync();
        await clinician.SubmitAsync(clinician.Page.GetByRole(AriaRole.Button, new() { Name = "Resolve the case" }));
        await Expect(clinician.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The case is resolved.");

        // Closure for the facilitator, with nothing clinical.
        await facilitator.VisitAsync("/facilitator");
        await Expect(facilitator.Page.GetByTestId("my-concerns")).ToContainTextAsync("A clinician has followed up");
        await Expect(facilitator.Page.GetByTestId("my-concerns")).Not.ToContainTextAsync("psycho-oncology");
        Assert.NotEqual(Guid.Empty, groupId);
    }

    /// <summary>A video group of facilitator2 whose weekly meeting began a few minutes ago, with member37 as "Sam K.".</summary>
    private async Task<Guid> AddGroupMeetingSoonAsync()
    {
        const string zoneId = "America/Denver";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
        var minute = local.Hour * 60 + local.Minute;
        var start = minute >= 20 ? minute - 20 : minute + 5;
        var id = Guid.NewGuid();
        return await fixture.App.QueryAsync(async db =>
        {
            var lead = await db.Users.SingleAsync(u => u.Email == "facilitator2@demo.local");
            var member = await db.Users.SingleAsync(u => u.Email == "member37@demo.local");
            member.DisplayName = "Sam K.";
            db.Groups.Add(new Group
            {
                Id = id, Name = GroupName, Slug = Slug, Description = "A group for the safety net test.",
                Audience = Audience.Mixed, GroupType = GroupType.OpenForum, Membership = MembershipPolicy.Open, Modality = Modality.Video,
                Language = "en", Status = GroupStatus.Active, Capacity = 10,
                Schedule = new MeetingSchedule
                {
                    Frequency = Frequency.Weekly, DayOfWeek = local.DayOfWeek, StartMinuteOfDay = start, DurationMinutes = 90,
                    TimeZoneId = zoneId, StartsOn = DateOnly.FromDateTime(local).AddDays(-7),
                },
                Place = new MeetingPlace { MeetingLink = "https://meet.peercircle.example/safety-flow" },
                LeadFacilitatorId = lead.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                Memberships = [new GroupMembership { Id = Guid.NewGuid(), GroupId = id, UserId = member.Id, Status = MembershipStatus.Accepted, CreatedAtUtc = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
            return id;
        });
    }
}
