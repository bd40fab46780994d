using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Topics;

namespace PeerCircle.IntegrationTests.Features.Topics;

/// <summary>Facilitators read the topic library; coordinators edit a topic, and each save is a new version.</summary>
public class TopicEditingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task ACoordinatorsEdit_BecomesVersionTwo_AndFacilitatorsSeeIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var topic = app.Services.GetRequiredService<TopicLibrary>().Topic("scanxiety")!;
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        const string added = "\n\nSome members bring a friend to the scan. Ask who sits with them in the waiting room.\n";

        using var broken = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/topics/scanxiety", "edit-topic",
            [new("Edit.Source", topic.Source.Replace("questions:", "questions:\n  - \"Do you like scans?\"", StringComparison.Ordinal)), new("Edit.Summary", "One more question."), new("Edit.BasedOn", topic.Version)], Cancel);
        Assert.Contains("can be answered with yes or no", PeerCircleAppFactory.VisibleTextOf(await broken.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/topics/scanxiety", "edit-topic",
            [new("Edit.Source", topic.Source.TrimEnd() + added), new("Edit.Summary", "A tip on company at the scan."), new("Edit.BasedOn", topic.Version)], Cancel);

        Assert.Contains("Version 2 is saved", PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var versions = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().ContentRevisions
            .Where(r => r.Kind == ContentKinds.Topic && r.Slug == "scanxiety").Select(r => r.Number).OrderBy(n => n).ToListAsync(Cancel);
        Assert.Equal([1, 2], versions);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await facilitator.GetStringAsync("/topics/scanxiety", Cancel));
        Assert.Contains("Ask who sits with them in the waiting room.", page, StringComparison.Ordinal);
        Assert.Contains("Version 2", page, StringComparison.Ordinal);
        Assert.Contains(topic.Questions[0], page, StringComparison.Ordinal);

        using var editAsFacilitator = await facilitator.GetAsync("/coordinator/topics/scanxiety", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, editAsFacilitator.StatusCode);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var asMember = await member.GetAsync("/topics", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, asMember.StatusCode);
    }
}
