using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Features.Training;

/// <summary>The story planning worksheet is saved for its author and nobody else sees it.</summary>
public class StoryPlanTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task Facilitator_SavesTheirPlan_AnotherFacilitatorSeesOnlyABlankWorksheet(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var author = app.CreateClientWithCookies();
        await app.SignInAsync(author, "facilitator2@demo.local", totp: true, Cancel);
        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator3@demo.local", totp: true, Cancel);

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(author, "/academy/story-plan", "story-plan",
            [new("Plan.Purpose", "To show that finishing treatment can be hard too."), new("Plan.KeepPrivate", "My marriage ending that year."),
             new("Plan.PurposeChecks", "for-them"), new("Plan.PurposeChecks", "brief")], Cancel);

        Assert.Contains("Your plan is saved.", await saved.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var again = await author.GetStringAsync("/academy/story-plan", Cancel);
        Assert.Contains("My marriage ending that year.", again, StringComparison.Ordinal);
        Assert.Contains("id=\"check-brief\" name=\"Plan.PurposeChecks\" value=\"brief\" checked", again, StringComparison.Ordinal);
        Assert.DoesNotContain("My marriage ending that year.", await other.GetStringAsync("/academy/story-plan", Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task EmptyOrOverlongPlans_SayWhatToFix(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var author = app.CreateClientWithCookies();
        await app.SignInAsync(author, "facilitator2@demo.local", totp: true, Cancel);

        using var empty = await PeerCircleAppFactory.SubmitFormAsync(author, "/academy/story-plan", "story-plan", [], Cancel);
        using var tooLong = await PeerCircleAppFactory.SubmitFormAsync(author, "/academy/story-plan", "story-plan",
            [new("Plan.WhatToShare", new string('x', 10_000))], Cancel);

        Assert.Contains("Please write at least one part of your plan before saving.", PeerCircleAppFactory.VisibleTextOf(await empty.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains("Please keep this under 2000 characters.", PeerCircleAppFactory.VisibleTextOf(await tooLong.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }
}
