using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.IntegrationTests.Features.Groups;

/// <summary>The directory is served from memory, yet a coordinator's change shows at once on the node that made it.</summary>
public class DirectoryFreshnessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task GroupSavedByACoordinator_IsInTheNextSearchAndLeavesItWhenClosed(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var client = app.CreateClient();
        Assert.DoesNotContain("Evanston Evening Circle", await client.GetStringAsync("/api/groups?zip=60201&radius=5", Cancel), StringComparison.Ordinal);

        var form = new GroupForm
        {
            Name = "Evanston Evening Circle", Description = "A small group for caregivers.", Audience = "caregivers",
            GroupType = "open-forum", Membership = "open", Modality = "in-person", Status = "recruiting", Language = "en",
            Capacity = "10", Frequency = "weekly", DayOfWeek = "thursday", StartTime = "18:00", DurationMinutes = "90",
            TimeZoneId = "America/Chicago", AddressLine = "1703 Orrington Ave", City = "Evanston", State = "IL", PostalCode = "60201",
        };
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveGroup>().CreateAsync(form, Cancel);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
            id = saved.GroupId!.Value;
        }

        using (var found = JsonDocument.Parse(await client.GetStringAsync("/api/groups?zip=60201&radius=5", Cancel)))
        {
            var first = found.RootElement.GetProperty("groups")[0];
            Assert.Equal("Evanston Evening Circle", first.GetProperty("name").GetString());
            Assert.True(first.GetProperty("distanceMiles").GetDouble() < 1);
        }

        form.Status = "closed";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SaveGroup>().UpdateAsync(id, form, Cancel)).Succeeded);
        }
        Assert.DoesNotContain("Evanston Evening Circle", await client.GetStringAsync("/api/groups?zip=60201&radius=5", Cancel), StringComparison.Ordinal);
    }
}
