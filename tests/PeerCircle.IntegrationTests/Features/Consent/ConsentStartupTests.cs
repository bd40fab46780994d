using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Consent;

namespace PeerCircle.IntegrationTests.Features.Consent;

/// <summary>Start-up records the shipped member documents as versions, without ever overriding a coordinator's text.</summary>
public class ConsentStartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ConsentLibrary Shipping(int version, string body) => new([ConsentLibrary.Parse("participant-consent.md",
        ConsentLibrary.ToSource(MemberConsent.ParticipantConsent, "Joining PeerCircle: your consent", version, "What you agree to.", body))]);

    private static async Task<string> StartWithAsync(PeerCircleAppFactory app, ConsentLibrary library)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var added = await ConsentStartup.SyncAsync(db, library, DateTime.UtcNow, NullLogger.Instance, Cancel);
        var numbers = await db.ContentRevisions
            .Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == MemberConsent.ParticipantConsent)
            .OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(Cancel);
        return $"added {added}; versions {string.Join(", ", numbers)}";
    }

    [Theory, AllProviders]
    public async Task AReleaseWithAHigherVersion_BecomesCurrent_UnlessACoordinatorPublishedSince(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var shipped = ConsentLibrary.LoadShipped();
        var v1 = shipped.ShippedDocument(MemberConsent.ParticipantConsent)!;

        // The first start recorded every shipped document; starting again with the same files adds nothing.
        Assert.Equal("added 0; versions 1", await StartWithAsync(app, shipped));

        // A release that changes the text but forgets to raise the version is not published.
        Assert.Equal("added 0; versions 1", await StartWithAsync(app, Shipping(1, v1.Body + "\n\nA fix.")));

        // A release with version 3 is recorded as version 3, and members must sign it.
        Assert.Equal("added 1; versions 1, 3", await StartWithAsync(app, Shipping(3, v1.Body + "\n\nA new section.")));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<MemberConsent>().CurrentVersionAsync(MemberConsent.ParticipantConsent, Cancel));
        }

        // Once a coordinator has published their own version, a later release does not replace it.
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var published = await PeerCircleAppFactory.SubmitFormAsync(coordinator, $"/coordinator/consent/{MemberConsent.ParticipantConsent}", "publish-document",
            [new("Document.Body", v1.Body + "\n\nOur own local section."), new("Document.Note", "Local crisis numbers."), new("Document.BasedOn", "3")], Cancel);
        Assert.Contains("Version 4 is published.", PeerCircleAppFactory.VisibleTextOf(await published.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal("added 0; versions 1, 3, 4", await StartWithAsync(app, Shipping(5, v1.Body + "\n\nThe next release.")));
    }
}
