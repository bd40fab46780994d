using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Outcomes;

/// <summary>A member answers their baseline survey on a phone: from /me, part by part, saved partway and resumed, to the thank-you.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberSurveyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AMember_CompletesTheirBaselineOnAPhone_SavingAndResumingOnce()
    {
        await using var member = await fixture.NewVisitorAsync(phone: true);
        await member.SignInAsync("member32@demo.local", BrowserTestApp.DemoPassword);
        await member.VisitAsync("/me");
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "A short survey is waiting: about 3 minutes" })).ToBeVisibleAsync();
        await member.SubmitAsync(member.Page.GetByRole(AriaRole.Link, new() { Name = "Start the survey" }));

        var part = 1;
        var total = 0;
        while (true)
        {
            var progress = await member.Page.Locator(".survey-progress").InnerTextAsync();
            Assert.StartsWith($"Part {part} of ", progress, StringComparison.Ordinal);
            total = int.Parse(progress[(progress.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

            var questions = member.Page.Locator("fieldset.survey-item");
            for (var i = 0; i < await questions.CountAsync(); i++)
            {
                // The fourth answer of each question: "Agree" on the agreement items, 3 on the 0–10 scale.
                await questions.Nth(i).Locator("input[type=radio]").Nth(3).CheckAsync();
            }
            if (await member.Page.Locator("textarea").CountAsync() > 0)
            {
                await member.Page.Locator("textarea").First.FillAsync("Meeting people who understand has helped me a lot.");
            }

            if (part == 2)
            {
                // Stop partway, as if the bus came; the answers are kept and the survey waits on /me.
                await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Save and finish later" }));
                await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Your answers are saved" })).ToBeVisibleAsync();
                await member.VisitAsync("/me");
                await member.SubmitAsync(member.Page.GetByRole(AriaRole.Link, new() { Name = "Carry on with the survey" }));
                await Expect(member.Page.Locator(".survey-progress")).ToHaveTextAsync($"Part 3 of {total}");
                await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }));
                await Expect(member.Page.Locator(".survey-progress")).ToHaveTextAsync($"Part 2 of {total}");
                await Expect(member.Page.Locator("fieldset.survey-item").First.Locator("input[type=radio]").Nth(3)).ToBeCheckedAsync();
                await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }));
                part = 3;
                continue;
            }
            if (part == total)
            {
                await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Finish", Exact = true }));
                break;
            }
            await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }));
            part++;
        }

        Assert.True(total >= 2);
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync();
        await member.VisitAsync("/me/surveys");
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Done" })).ToBeVisibleAsync();
        await Expect(member.Page.GetByText("Nothing is waiting right now. Thank you!")).ToBeVisibleAsync();
    }
}
