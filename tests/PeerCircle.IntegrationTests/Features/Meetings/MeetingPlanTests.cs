using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Meetings;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>A facilitator plans an upcoming meeting: six timed parts that fill the meeting, a topic and notes.</summary>
public class MeetingPlanTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana Okafor leads the 90-minute Breast Cancer Survivors Circle.
    private const string GroupName = "Breast Cancer Survivors Circle";

    private static async Task<(Guid GroupId, string Path)> NextMeetingAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Name == GroupName, Cancel);
        var next = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0];
        return (group.Id, $"/facilitator/groups/{group.Id}/plan/{ChangeMeeting.OccurrenceKey(next)}");
    }

    private static List<KeyValuePair<string, string>> Plan(int checkIn, int confidentiality) =>
    [
        new("Plan.Minutes[CheckIn]", checkIn.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Plan.Minutes[Presentations]", "37"),
        new("Plan.Minutes[Exercise]", "18"),
        new("Plan.Minutes[Feedback]", "9"),
        new("Plan.Minutes[Confidentiality]", confidentiality.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Plan.Minutes[Contact]", "4"),
        new("Plan.TopicSlug", "fear-of-recurrence"),
        new("Plan.Presenters", "Maria G."),
        new("Plan.CoFacilitatorNotes", "Luis opens; I take the exercise."),
    ];

    [Theory, AllProviders]
    public async Task TheLeadFacilitator_PlansAMeeting_WhosePartsMustFillItsLength(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (groupId, path) = await NextMeetingAsync(app);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        var fresh = await lead.GetStringAsync(path, Cancel);
        Assert.Contains("value=\"18\"", fresh, StringComparison.Ordinal);
        Assert.Contains("value=\"37\"", fresh, StringComparison.Ordinal);

        using var tooLong = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "meeting-plan", Plan(checkIn: 25, confidentiality: 4), Cancel);
        Assert.Contains("Your plan adds up to 97 minutes, but the meeting is 90 minutes.", PeerCircleAppFactory.VisibleTextOf(await tooLong.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        using var noReminder = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "meeting-plan", Plan(checkIn: 21, confidentiality: 1), Cancel);
        Assert.Contains("The confidentiality reminder is never skipped.", PeerCircleAppFactory.VisibleTextOf(await noReminder.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingPlans.AnyAsync(p => p.GroupId == groupId, Cancel));
        }

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "meeting-plan", Plan(checkIn: 18, confidentiality: 4), Cancel);

        Assert.Contains("The plan is saved.", PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingPlans.SingleAsync(p => p.GroupId == groupId, Cancel);
            Assert.Equal("fear-of-recurrence", plan.TopicSlug);
            Assert.Equal(1, plan.TopicVersion);
            Assert.Equal(90, SaveMeetingPlan.BudgetOf(plan).Total);
        }
        // The co-facilitator opens the same plan.
        using var coLead = app.CreateClientWithCookies();
        await app.SignInAsync(coLead, "facilitator2@demo.local", totp: true, Cancel);
        Assert.Contains("Luis opens; I take the exercise.", await coLead.GetStringAsync(path, Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsFacilitatorsAndCoordinators_CanPlanItsMeetings(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (_, path) = await NextMeetingAsync(app);
        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator5@demo.local", totp: true, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var otherFacilitator = await other.GetAsync(path, Cancel);
        using var asMember = await member.GetAsync(path, Cancel);
        using var madeUp = await other.GetAsync(path[..path.LastIndexOf('/')] + "/20200101T1000Z", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, otherFacilitator.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
    }
}
