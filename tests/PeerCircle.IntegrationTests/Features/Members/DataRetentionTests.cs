using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Web.Features.Members;
using static PeerCircle.IntegrationTests.Features.Joining.MemberSetup;

namespace PeerCircle.IntegrationTests.Features.Members;

/// <summary>The consent's promises: erase after 2 years without a sign-in; purge signatures 7 years after erasure.</summary>
public class DataRetentionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(int Erased, int Purged)> ApplyAtAsync(PeerCircleAppFactory app, DateTimeOffset when)
    {
        var clock = new FakeTimeProvider(when);
        await using var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var scope = later.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataRetention>().ApplyAsync(Cancel);
    }

    [Theory, AllProviders]
    public async Task AMemberWhoNeverComesBack_IsErasedAfterTwoYears_AndTheirSignatureGoesSevenYearsLater(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var email = "member7@demo.local";
        var userId = await ReadyToJoinAsync(app, email, emergencyContact: true, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, email, totp: false, Cancel);
        var coordinatorId = await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel);

        var oneYear = await ApplyAtAsync(app, DateTimeOffset.UtcNow.AddYears(1));
        Assert.Equal(0, oneYear.Erased);
        Assert.NotNull(await WithDbAsync(app, db => db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, Cancel)));

        var later = DateTimeOffset.UtcNow.AddYears(2).AddDays(2);
        var twoYears = await ApplyAtAsync(app, later);
        Assert.True(twoYears.Erased >= 1);
        var erased = await WithDbAsync(app, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel));
        Assert.Equal("Former member", erased.DisplayName);
        Assert.Null(await WithDbAsync(app, db => db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, Cancel)));
        Assert.Equal(1, await WithDbAsync(app, db => db.ConsentSignatures.CountAsync(s => s.UserId == userId, Cancel)));
        // Staff are never erased by this rule.
        Assert.Equal("coordinator@demo.local", await WithDbAsync(app, db => db.Users.Where(u => u.Id == coordinatorId).Select(u => u.Email).SingleAsync(Cancel)));

        // The erasure is dated by the fake clock, so purging is due seven years after it.
        var sixYearsOn = await ApplyAtAsync(app, later.AddYears(6));
        Assert.Equal(0, sixYearsOn.Purged);
        var eightYearsOn = await ApplyAtAsync(app, later.AddYears(8));
        Assert.True(eightYearsOn.Purged >= 1);
        Assert.Equal(0, await WithDbAsync(app, db => db.ConsentSignatures.CountAsync(s => s.UserId == userId, Cancel)));
        Assert.False(await WithDbAsync(app, db => db.Users.AnyAsync(u => u.Id == userId, Cancel)));
    }
}
