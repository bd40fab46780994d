using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>
/// Puts a test two hours after the next meeting of the Breast Cancer Survivors Circle (90 minutes, led by Dana Okafor,
/// facilitator@, with facilitator2@ as co-facilitator; member@ is an accepted member): the meeting has happened, its
/// log can be written and its feedback is open.
/// </summary>
internal sealed class AfterAMeeting : IAsyncDisposable
{
    public const string Slug = "breast-cancer-survivors-circle";

    private AfterAMeeting(PeerCircleAppFactory app, WebApplicationFactory<Program> later, Guid groupId, DateTime startUtc)
    {
        App = app;
        Later = later;
        GroupId = groupId;
        StartUtc = startUtc;
    }

    public PeerCircleAppFactory App { get; }

    /// <summary>The same app and database, with the clock two hours after the meeting started.</summary>
    public WebApplicationFactory<Program> Later { get; }
    public Guid GroupId { get; }
    public DateTime StartUtc { get; }
    public string Key => ChangeMeeting.OccurrenceKey(StartUtc);
    public string LogPath => $"/facilitator/groups/{GroupId}/log/{Key}";
    public string FeedbackPath => $"/me/groups/{Slug}/feedback/{Key}";

    public static async Task<AfterAMeeting> StartAsync(PeerCircleAppFactory app, CancellationToken cancellationToken)
    {
        Guid groupId;
        DateTime next;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, cancellationToken);
            groupId = group.Id;
            next = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, cancellationToken))[0];
        }
        var clock = new FakeTimeProvider(new DateTimeOffset(next.AddHours(2), TimeSpan.Zero));
        var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return new AfterAMeeting(app, later, groupId, next);
    }

    /// <summary>A client of the later app, signed in as a demo account.</summary>
    public async Task<HttpClient> SignInAsync(string email, bool totp, CancellationToken cancellationToken)
    {
        var client = Later.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await App.SignInAsync(client, email, totp, cancellationToken);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<PeerCircleDb, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    public ValueTask DisposeAsync() => Later.DisposeAsync();
}
