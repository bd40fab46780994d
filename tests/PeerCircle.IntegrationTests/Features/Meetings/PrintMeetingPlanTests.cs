using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>A printable plan and sign-in sheet for in-person groups, for the group's own facilitators and coordinators.</summary>
public class PrintMeetingPlanTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana O. leads the in-person, 90-minute Breast Cancer Survivors Circle; its accepted members are Barbara A.,
    // Kimberly W., Maria G. and Nancy H.
    private const string GroupName = "Breast Cancer Survivors Circle";

    private static async Task<(Guid GroupId, string Path)> NextMeetingAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Name == GroupName, Cancel);
        var next = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0];
        return (group.Id, $"/facilitator/groups/{group.Id}/plan/{ChangeMeeting.OccurrenceKey(next)}");
    }

    [Theory, AllProviders]
    public async Task ThePrintedPlan_HasTheParts_TheTopic_TheConfidentialityReminder_AndASignInSheetOfTheMembers(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (groupId, path) = await NextMeetingAsync(app);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using (await PeerCircleAppFactory.SubmitFormAsync(lead, path, "meeting-plan",
        [
            new("Plan.Minutes[CheckIn]", "20"), new("Plan.Minutes[Presentations]", "35"), new("Plan.Minutes[Exercise]", "18"),
            new("Plan.Minutes[Feedback]", "9"), new("Plan.Minutes[Confidentiality]", "4"), new("Plan.Minutes[Contact]", "4"),
            new("Plan.TopicSlug", "fear-of-recurrence"), new("Plan.Presenters", "Nancy H."),
        ], Cancel))
        {
        }
        Assert.Contains(path + "/print", await lead.GetStringAsync(path, Cancel), StringComparison.Ordinal);

        using var response = await lead.GetAsync(path + "/print", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var text = PeerCircleAppFactory.VisibleTextOf(html);
        Assert.Contains("6:30 PM Check-in 20", text, StringComparison.Ordinal);
        Assert.Contains("6:50 PM Member presentations and the planned topic 35", text, StringComparison.Ordinal);
        Assert.Contains("Confidentiality reminder 4", text, StringComparison.Ordinal);
        Assert.Contains("Topic: Fear of the cancer coming back (Version 1)", text, StringComparison.Ordinal);
        Assert.Contains("Questions for the group", text, StringComparison.Ordinal);
        Assert.Contains("Exercise:", text, StringComparison.Ordinal);
        Assert.Contains("Presenters Nancy H.", text, StringComparison.Ordinal);
        Assert.Contains("what was shared here stays here", text, StringComparison.Ordinal);
        Assert.Contains("Need help right now?", text, StringComparison.Ordinal);
        var sheet = text[text.IndexOf("Sign-in sheet:", StringComparison.Ordinal)..];
        Assert.Contains("Name Here Barbara A. Kimberly W. Maria G. Nancy H.", sheet, StringComparison.Ordinal);
        Assert.Contains("Blank rows are for visitors", sheet, StringComparison.Ordinal);
        // The print style keeps the crisis link in the header and drops the rest of the navigation.
        Assert.Contains("class=\"print-sheet\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"help-now\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents
            .SingleAsync(a => a.Action == "group.roster-viewed" && a.RecordId == groupId.ToString() && a.Detail!.Contains("printed sign-in sheet"), Cancel);
        Assert.StartsWith("4 members listed on the printed sign-in sheet", audit.Detail, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task ThePrintedPlan_IsOnlyForTheGroupsFacilitatorsAndCoordinators(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (groupId, path) = await NextMeetingAsync(app);
        using var coLead = app.CreateClientWithCookies();
        await app.SignInAsync(coLead, "facilitator2@demo.local", totp: true, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator5@demo.local", totp: true, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var asCoLead = await coLead.GetAsync(path + "/print", Cancel);
        using var asCoordinator = await coordinator.GetAsync(path + "/print", Cancel);
        using var otherFacilitator = await other.GetAsync(path + "/print", Cancel);
        using var asMember = await member.GetAsync(path + "/print", Cancel);
        using var noSuchMeeting = await coLead.GetAsync($"/facilitator/groups/{groupId}/plan/20200101T1000Z/print", Cancel);

        Assert.Equal(HttpStatusCode.OK, asCoLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherFacilitator.StatusCode);
        Assert.DoesNotContain("Maria G.", await otherFacilitator.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchMeeting.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents
            .CountAsync(a => a.Action == "group.roster-viewed" && a.RecordId == groupId.ToString() && a.Detail!.Contains("printed sign-in sheet"), Cancel));
    }
}
