using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Signals;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Safety.Grief;

public sealed class GriefCheckInForm
{
    public string[]? Answers { get; set; }
    public string? SafetyQuestion { get; set; }
}

public sealed record GriefCheckInResult(Dictionary<string, string[]> Errors, GriefCheckIn? Saved, CasePriority? Signal);

/// <summary>
/// Saves a bereaved member's grief check-in with the signal it raises, in one transaction: a high score asks a
/// clinician to offer a professional follow-up; a yes to the safety question is urgent.
/// </summary>
public sealed class RecordGriefCheckIn(PeerCircleDb db, SafetySignals signals, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    /// <summary>The member's loss date when the check-in is offered to them now; null otherwise.</summary>
    public async Task<DateOnly?> OfferedSinceAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.MemberProfiles.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.JourneyRole, p.DateOfLoss }).SingleOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return profile is { JourneyRole: JourneyRole.BereavedRelative } && GriefItems.IsOffered(profile.DateOfLoss, today) ? profile.DateOfLoss : null;
    }

    public async Task<GriefCheckIn?> LatestAsync(string userId, CancellationToken cancellationToken) =>
        await db.GriefCheckIns.AsNoTracking().Where(g => g.MemberId == userId).OrderByDescending(g => g.CompletedAtUtc).FirstOrDefaultAsync(cancellationToken);

    public async Task<GriefCheckInResult> HandleAsync(string userId, GriefCheckInForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var answers = new List<int>();
        for (var i = 0; i < GriefItems.Statements.Count; i++)
        {
            var raw = form.Answers is { } given && i < given.Length ? given[i] : null;
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5)
            {
                answers.Add(value);
            }
            else
            {
                errors[$"Answer{i}"] = [text["Please choose an answer for statement {0}.", i + 1]];
            }
        }
        bool? selfHarm = form.SafetyQuestion switch { "yes" => true, "no" => false, _ => null };
        if (form.SafetyQuestion is not (null or "" or "yes" or "no" or "skip"))
        {
            errors["SafetyQuestion"] = [text["Please choose yes, no, or rather not say."]];
        }
        if (errors.Count > 0)
        {
            return new GriefCheckInResult(errors, null, null);
        }
        var grief = new GriefCheckIn
        {
            MemberId = userId, Answers = string.Join(",", answers), Score = answers.Sum(), SuggestsFollowUp = GriefItems.SuggestsFollowUp(answers),
            ThoughtsOfSelfHarm = selfHarm, CompletedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.GriefCheckIns.Add(grief);
        var signal = await signals.GriefAsync(grief, cancellationToken);
        audit.StageChange(AuditActions.GriefCheckInRecorded, "Member", userId, grief.SuggestsFollowUp ? "suggests follow-up" : null);
        await db.SaveChangesAsync(cancellationToken);
        return new GriefCheckInResult(errors, grief, signal);
    }
}
