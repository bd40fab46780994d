using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>After a meeting, a facilitator writes a factual log with any incidents and says how they are.</summary>
public class MeetingLogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> TextOf(HttpResponseMessage response) =>
        PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));

    private static List<KeyValuePair<string, string>> Log(string feeling, params (string Name, string Value)[] incident) =>
    [
        new("Log.Summary", "Six came. Maria presented on going back to work. Luis was quiet; I checked in with him after."),
        new("Log.Feeling", feeling),
        .. incident.Select(f => new KeyValuePair<string, string>($"Log.Incidents[0].{f.Name}", f.Value)),
    ];

    [Theory, AllProviders]
    public async Task AskingSomeoneToLeave_WithoutOfferingAnotherGroup_IsRefused_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        using var lead = await meeting.SignInAsync(PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        using var missing = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log", [], Cancel);
        var missingText = await TextOf(missing);
        Assert.Contains("Please write a short summary of the meeting", missingText, StringComparison.Ordinal);
        Assert.Contains("Please choose how you are after this meeting.", missingText, StringComparison.Ordinal);

        using var refused = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log",
            Log("good", ("Kind", "disruptive-behaviour"), ("Step", "ask-to-leave"), ("Note", "Shouted at another member.")), Cancel);

        Assert.Contains("Incident 1: someone who is asked to leave must be offered another group.", await TextOf(refused), StringComparison.Ordinal);
        Assert.Contains("Shouted at another member.", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(await meeting.WithDbAsync(db => db.MeetingLogs.AnyAsync(Cancel)));
        Assert.False(await meeting.WithDbAsync(db => db.MeetingIncidents.AnyAsync(Cancel)));

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log",
            Log("okay", ("Kind", "disruptive-behaviour"), ("Step", "ask-to-leave"), ("AlternativeGroupOffered", "true"), ("Note", "Shouted at another member.")), Cancel);

        Assert.Contains("The log is saved.", await TextOf(saved), StringComparison.Ordinal);
        var log = await meeting.WithDbAsync(db => db.MeetingLogs.AsNoTracking().Include(l => l.Incidents).SingleAsync(Cancel));
        var incident = Assert.Single(log.Incidents);
        Assert.Equal(IncidentKind.DisruptiveBehaviour, incident.Kind);
        Assert.Equal(EscalationStep.AskToLeave, incident.Step);
        Assert.True(incident.AlternativeGroupOffered);
        Assert.Equal(meeting.StartUtc, log.OccurrenceStartUtc);
        Assert.Equal(AfterMeetingFeeling.Okay, log.Feeling);
        Assert.True(await meeting.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.MeetingLogSaved && e.RecordId == meeting.GroupId.ToString(), Cancel)));
    }

    [Theory, AllProviders]
    public async Task TheCoFacilitator_UpdatesTheSameLog_WhichNamesTheLastWriter(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        using var lead = await meeting.SignInAsync(PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var coLead = await meeting.SignInAsync("facilitator2@demo.local", totp: true, Cancel);

        using var first = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log", Log("good", ("Kind", "cross-talk"), ("Step", "redirect")), Cancel);
        using var second = await PeerCircleAppFactory.SubmitFormAsync(coLead, meeting.LogPath, "meeting-log", Log("okay"), Cancel);

        Assert.Contains("The log is saved.", await TextOf(second), StringComparison.Ordinal);
        var log = await meeting.WithDbAsync(db => db.MeetingLogs.AsNoTracking().Include(l => l.Incidents).SingleAsync(Cancel));
        Assert.Equal(await app.UserIdAsync("facilitator2@demo.local", Cancel), log.WrittenById);
        Assert.Empty(log.Incidents);
        Assert.True(log.WrittenAtUtc <= log.UpdatedAtUtc);
    }

    [Theory, AllProviders]
    public async Task FeelingShakenAfterAMeeting_OffersADebriefAndAWellbeingCheckIn(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        using var lead = await meeting.SignInAsync(PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        using var good = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log", Log("good"), Cancel);
        var goodHtml = await good.Content.ReadAsStringAsync(Cancel);
        using var shaken = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log",
            Log("shaken", ("Kind", "safety-concern"), ("Step", "involve-coordinator")), Cancel);
        var shakenHtml = await shaken.Content.ReadAsStringAsync(Cancel);
        using var tired = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.LogPath, "meeting-log", Log("tired"), Cancel);

        Assert.DoesNotContain("href=\"/supervision#debrief-now\"", goodHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/supervision#debrief-now\"", shakenHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/supervision#check-in\"", shakenHtml, StringComparison.Ordinal);
        Assert.Contains("It sounds like this meeting shook you", PeerCircleAppFactory.VisibleTextOf(shakenHtml), StringComparison.Ordinal);
        // A safety incident says the clinicians already have the members' concerns, and names the coordinator for the rest.
        Assert.Contains("have already gone to the program's clinicians", PeerCircleAppFactory.VisibleTextOf(shakenHtml), StringComparison.Ordinal);
        Assert.Contains("coordinator@demo.local", shakenHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/supervision#debrief-now\"", await tired.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsFacilitatorsAndCoordinators_SeeTheLog(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        var dana = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
        await meeting.WithDbAsync(db =>
        {
            db.Concerns.Add(new Concern
            {
                GroupId = meeting.GroupId, OccurrenceStartUtc = meeting.StartUtc, AboutName = "Luis R.", Kind = ConcernKind.Distress,
                Urgent = true, Note = "Very low today.", RaisedById = dana, RaisedAtUtc = meeting.StartUtc.AddMinutes(20),
            });
            return db.SaveChangesAsync(Cancel);
        });
        using var other = await meeting.SignInAsync("facilitator3@demo.local", totp: true, Cancel);
        using var coordinator = await meeting.SignInAsync(PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var coLead = await meeting.SignInAsync("facilitator2@demo.local", totp: true, Cancel);
        using var member = await meeting.SignInAsync(PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var otherLog = await other.GetAsync(meeting.LogPath, Cancel);
        using var otherList = await other.GetAsync($"/facilitator/groups/{meeting.GroupId}/logs", Cancel);
        using var memberLog = await member.GetAsync(meeting.LogPath, Cancel);
        var coordinatorPage = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync(meeting.LogPath, Cancel));
        var coLeadList = PeerCircleAppFactory.VisibleTextOf(await coLead.GetStringAsync($"/facilitator/groups/{meeting.GroupId}/logs", Cancel));
        var group = await meeting.WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.Id == meeting.GroupId, Cancel));
        var next = ChangeMeeting.OccurrenceKey(MeetingTimes.Next(group.Schedule, meeting.StartUtc, 1)[0]);
        using var notYet = await coLead.GetAsync($"/facilitator/groups/{meeting.GroupId}/log/{next}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, otherLog.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherList.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, memberLog.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        Assert.Contains("Luis R. Very distressed Urgent Very low today.", coordinatorPage, StringComparison.Ordinal);
        Assert.Contains("have already gone to the program's clinicians", coordinatorPage, StringComparison.Ordinal);
        Assert.Contains("Not written yet 0", coLeadList, StringComparison.Ordinal);
        Assert.True(await meeting.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.MeetingConcernsViewed, Cancel)));
    }
}
