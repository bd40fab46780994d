using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Consent;

namespace PeerCircle.IntegrationTests.Features.Joining;

/// <summary>Puts a demo member in a known state for joining tests: intake done, consent signed, policy read.</summary>
internal static class MemberSetup
{
    public static async Task<string> ReadyToJoinAsync(PeerCircleAppFactory app, string email, bool emergencyContact, CancellationToken cancellationToken)
    {
        var userId = await app.UserIdAsync(email, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var consent = scope.ServiceProvider.GetRequiredService<MemberConsent>();
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = userId };
            db.MemberProfiles.Add(profile);
        }
        profile.JourneyRole = JourneyRole.PatientOrSurvivor;
        profile.TreatmentPhase = TreatmentPhase.FinishedTreatment;
        profile.CancerTypes = [CancerType.Breast];
        profile.EmergencyContactName = emergencyContact ? "Sam Rivera" : null;
        profile.EmergencyContactPhone = emergencyContact ? "312 555 0199" : null;
        // The shipped documents are recorded as version 1 when the app starts.
        var version = await consent.CurrentVersionAsync(MemberConsent.ParticipantConsent, cancellationToken);
        Assert.True(version > 0, "The participant consent was not published at start-up.");
        db.ConsentSignatures.Add(new ConsentSignature
        {
            UserId = userId, DocumentSlug = MemberConsent.ParticipantConsent, Version = version, TextSha256 = new string('0', 64),
            TypedName = email, SignedAtUtc = DateTime.UtcNow,
        });
        db.Acknowledgements.Add(new Acknowledgement
        {
            UserId = userId, Kind = AcknowledgementKind.OutsideInteractions,
            Version = await consent.CurrentVersionAsync(MemberConsent.OutsideInteractions, cancellationToken),
            TextSha256 = new string('0', 64), AcknowledgedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        return userId;
    }

    public static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    public static Task<Group> GroupAsync(PeerCircleAppFactory app, string name) =>
        WithDbAsync(app, db => db.Groups.AsNoTracking().SingleAsync(g => g.Name == name));

    /// <summary>A demo member with no place of any kind in the group.</summary>
    public static Task<string> OutsiderAsync(PeerCircleAppFactory app, Guid groupId, int skip = 0) =>
        WithDbAsync(app, async db =>
        {
            var inside = db.GroupMemberships.Where(m => m.GroupId == groupId).Select(m => m.UserId);
            var emails = await db.Users.Where(u => u.Email!.StartsWith("member") && !inside.Contains(u.Id))
                .OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync();
            return emails[skip];
        });
}
