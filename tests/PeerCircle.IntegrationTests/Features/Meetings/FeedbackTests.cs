using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>Members give feedback after a meeting; facilitators see it only added together, from five answers up.</summary>
public class FeedbackTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<string> PageAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync(Cancel);

    /// <summary>Feedback from demo members straight into the database, each with its own suggestion.</summary>
    private static async Task<List<string>> FeedbackFromAsync(AfterAMeeting meeting, params string[] emails)
    {
        var names = new List<string>();
        foreach (var email in emails)
        {
            var userId = await meeting.App.UserIdAsync(email, Cancel);
            names.Add(await meeting.WithDbAsync(async db =>
            {
                db.MeetingFeedback.Add(new MeetingFeedback
                {
                    GroupId = meeting.GroupId, OccurrenceStartUtc = meeting.StartUtc, UserId = userId,
                    Helpful = FeedbackAnswer.Yes, FeltHeard = FeedbackAnswer.Somewhat, FeltSafe = FeedbackAnswer.Yes,
                    WhatToChange = $"Suggestion from {email}", SubmittedAtUtc = meeting.StartUtc.AddHours(2),
                });
                await db.SaveChangesAsync(Cancel);
                return await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(Cancel);
            }));
        }
        return names;
    }

    [Theory, AllProviders]
    public async Task AMember_GivesFeedbackAfterTheMeeting_IsToldWhoSeesIt_AndCanChangeIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        using var member = await meeting.SignInAsync(PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        // Maria belongs to two groups; the link names this group's meeting.
        var link = $"href=\"{meeting.FeedbackPath}\"";
        Assert.Contains(link, await member.GetStringAsync("/me", Cancel), StringComparison.Ordinal);
        var form = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync(meeting.FeedbackPath, Cancel));
        Assert.Contains("only once 5 or more people have answered", form, StringComparison.Ordinal);
        Assert.Contains("may reach out to you", form, StringComparison.Ordinal);

        using var empty = await PeerCircleAppFactory.SubmitFormAsync(member, meeting.FeedbackPath, "feedback", [], Cancel);
        Assert.Contains("You have not answered anything yet.", PeerCircleAppFactory.VisibleTextOf(await PageAsync(empty)), StringComparison.Ordinal);
        using var odd = await PeerCircleAppFactory.SubmitFormAsync(member, meeting.FeedbackPath, "feedback", [new("Feedback.Helpful", "2")], Cancel);
        Assert.Contains("Please choose No, Somewhat or Yes, or leave it blank.", PeerCircleAppFactory.VisibleTextOf(await PageAsync(odd)), StringComparison.Ordinal);
        Assert.Equal(0, await meeting.WithDbAsync(db => db.MeetingFeedback.CountAsync(Cancel)));

        using var first = await PeerCircleAppFactory.SubmitFormAsync(member, meeting.FeedbackPath, "feedback",
            [new("Feedback.Helpful", "yes"), new("Feedback.FeltSafe", "somewhat"), new("Feedback.WhatToChange", "More time for the exercise.")], Cancel);
        Assert.Contains("Thank you for your feedback.", PeerCircleAppFactory.VisibleTextOf(await PageAsync(first)), StringComparison.Ordinal);
        using var second = await PeerCircleAppFactory.SubmitFormAsync(member, meeting.FeedbackPath, "feedback", [new("Feedback.FeltHeard", "no")], Cancel);
        Assert.Contains("We updated your feedback for this meeting", PeerCircleAppFactory.VisibleTextOf(await PageAsync(second)), StringComparison.Ordinal);

        var saved = await meeting.WithDbAsync(db => db.MeetingFeedback.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(FeedbackAnswer.No, saved.FeltHeard);
        Assert.Null(saved.Helpful);
        Assert.Null(saved.WhatToChange);
        var audit = await meeting.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.MeetingFeedbackGiven).ToListAsync(Cancel));
        Assert.Equal(2, audit.Count);
        Assert.DoesNotContain(audit, e => e.Detail!.Contains("exercise", StringComparison.Ordinal));
        Assert.DoesNotContain(link, await member.GetStringAsync("/me", Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Facilitators_SeeNoAnswersUnderFiveResponses_AndOnlyTheTotalsFromFive(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        var names = await FeedbackFromAsync(meeting, "member11@demo.local", "member21@demo.local", "member31@demo.local");
        using var member = await meeting.SignInAsync(PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var given = await PeerCircleAppFactory.SubmitFormAsync(member, meeting.FeedbackPath, "feedback",
            [new("Feedback.Helpful", "no"), new("Feedback.WhatToChange", "Start on time, please.")], Cancel);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        names.Add("Maria G.");
        using var lead = await meeting.SignInAsync(PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        var four = PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync(meeting.LogPath, Cancel));

        Assert.Contains("Feedback is shown once 5 or more people have answered. So far: 4.", four, StringComparison.Ordinal);
        Assert.DoesNotContain("Suggestion from", four, StringComparison.Ordinal);
        Assert.DoesNotContain("Start on time", four, StringComparison.Ordinal);

        names.AddRange(await FeedbackFromAsync(meeting, "member2@demo.local"));
        var five = PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync(meeting.LogPath, Cancel));

        Assert.Contains("5 people answered.", five, StringComparison.Ordinal);
        // Question, then No, Somewhat, Yes and not answered.
        Assert.Contains("Was the meeting helpful? 1 0 4 0", five, StringComparison.Ordinal);
        Assert.Contains("Did you feel heard? 0 4 0 1", five, StringComparison.Ordinal);
        Assert.Contains("Start on time, please.", five, StringComparison.Ordinal);
        Assert.Contains("Suggestion from member2@demo.local", five, StringComparison.Ordinal);
        Assert.All(names, name => Assert.DoesNotContain(name, five, StringComparison.Ordinal));
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsMembers_GiveFeedback_AndOnlyForAMeetingThatHappened(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        using var stranger = await meeting.SignInAsync("member4@demo.local", totp: false, Cancel);
        using var member = await meeting.SignInAsync(PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var notMine = await stranger.GetAsync(meeting.FeedbackPath, Cancel);
        using var madeUp = await member.GetAsync($"/me/groups/{AfterAMeeting.Slug}/feedback/20250101T0300Z", Cancel);
        using var garbled = await member.GetAsync($"/me/groups/{AfterAMeeting.Slug}/feedback/not-a-date", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbled.StatusCode);
    }

    [Theory, AllProviders]
    public async Task MyDataCopy_HoldsMyFeedbackOffersAndAttendance_AndDeletingMyAccountRemovesThem(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await AfterAMeeting.StartAsync(app, Cancel);
        var userId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        await meeting.WithDbAsync(db =>
        {
            db.PresentationOffers.Add(new PresentationOffer
            {
                GroupId = meeting.GroupId, OccurrenceStartUtc = meeting.StartUtc, UserId = userId, About = "My first year after treatment",
                Status = PresentationOfferStatus.Accepted, OfferedAtUtc = meeting.StartUtc.AddDays(-3),
            });
            db.MeetingAttendances.Add(new MeetingAttendance
            {
                GroupId = meeting.GroupId, OccurrenceStartUtc = meeting.StartUtc, UserId = userId, Name = "Maria G.",
                Status = AttendanceStatus.Present, Via = AttendanceVia.InPerson, Turns = 2, SpokenSeconds = 240, RecordedById = userId,
                UpdatedAtUtc = meeting.StartUtc,
            });
            return db.SaveChangesAsync(Cancel);
        });
        using var member = await meeting.SignInAsync(PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var given = await PeerCircleAppFactory.SubmitFormAsync(member, meeting.FeedbackPath, "feedback",
            [new("Feedback.FeltSafe", "yes"), new("Feedback.WhatToChange", "A quieter room.")], Cancel);

        using var export = JsonDocument.Parse(await member.GetStringAsync("/me/export.json", Cancel));

        var feedback = Assert.Single(export.RootElement.GetProperty("meetingFeedback").EnumerateArray());
        Assert.Equal("A quieter room.", feedback.GetProperty("WhatToChange").GetString());
        Assert.Equal("Yes", feedback.GetProperty("feltSafe").GetString());
        Assert.Equal("My first year after treatment", Assert.Single(export.RootElement.GetProperty("presentationOffers").EnumerateArray()).GetProperty("About").GetString());
        Assert.Equal(240, Assert.Single(export.RootElement.GetProperty("meetingAttendance").EnumerateArray()).GetProperty("SpokenSeconds").GetInt32());

        using var deleted = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/data", "delete-account", [new("Delete.Password", PeerCircleAppFactory.DemoPassword)], Cancel);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await meeting.WithDbAsync(db => db.MeetingFeedback.AnyAsync(f => f.UserId == userId, Cancel)));
        Assert.False(await meeting.WithDbAsync(db => db.PresentationOffers.AnyAsync(o => o.UserId == userId, Cancel)));
        var attendance = await meeting.WithDbAsync(db => db.MeetingAttendances.AsNoTracking().SingleAsync(a => a.GroupId == meeting.GroupId, Cancel));
        Assert.Null(attendance.UserId);
        Assert.Equal("Former member", attendance.Name);
        Assert.Equal(AttendanceStatus.Present, attendance.Status);
    }
}
