using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Joining;
using PeerCircle.Web.Features.Outcomes.Reports;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Members;

/// <summary>
/// A member's data rights: a copy of everything PeerCircle holds about them, and deleting their account.
/// Deleting erases personal details and ends every membership at once. Consent signatures, withdrawals and (later)
/// safety records are kept for the retention period in the consent (7 years), tied to an account row that no
/// longer holds a name, e-mail, phone or birth date. See docs/decisions/0005-member-data-retention.md.
/// </summary>
public sealed class MyData(
    PeerCircleDb db, UserManager<PeerCircleUser> users, GroupPlaces places, ResearchConsent research, MonthlyCounts monthlyCounts,
    AuditTrail audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The name an erased account, and its attendance rows, are left with.</summary>
    public const string FormerMember = "Former member";

    public async Task<byte[]> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var researchStanding = await research.StandingAsync(userId, cancellationToken);
        var export = new
        {
            exportedAtUtc = time.GetUtcNow().UtcDateTime,
            account = new { user.Email, user.FullName, user.DisplayName, user.DateOfBirth, user.TimeZoneId, user.CreatedAtUtc, roles = await users.GetRolesAsync(user) },
            profile = profile is null ? null : new
            {
                journeyRole = profile.JourneyRole?.ToString(),
                cancerTypes = profile.CancerTypes.Select(c => c.ToString()),
                treatmentPhase = profile.TreatmentPhase?.ToString(),
                profile.DateOfLoss,
                profile.Gender,
                profile.Languages,
                profile.PostalCode,
                profile.TravelMiles,
                preferredTime = profile.PreferredTime.ToString(),
                preferredChannel = profile.PreferredChannel.ToString(),
                profile.MayEmail,
                profile.MayText,
                profile.MayLeaveVoicemail,
                profile.Phone,
                profile.AccessibilityNeeds,
                emergencyContact = new { name = profile.EmergencyContactName, phone = profile.EmergencyContactPhone, relationship = profile.EmergencyContactRelationship },
                heardAboutUs = profile.HeardAboutUs?.ToString(),
                hasCalendarLink = profile.CalendarFeedTokenHash is not null,
            },
            groups = await db.GroupMemberships.AsNoTracking().Where(m => m.UserId == userId)
                .Select(m => new
                {
                    group = m.Group!.Name,
                    status = m.Status.ToString(),
                    joinedOrAskedAtUtc = m.CreatedAtUtc,
                    m.StatusChangedAtUtc,
                    m.WaitlistedAtUtc,
                    m.OfferExpiresAtUtc,
                    m.PrescreenAtUtc,
                    m.DeclineReason,
                    contactSheet = new { name = m.ShareNameOnContactSheet, email = m.ShareEmailOnContactSheet, phone = m.SharePhoneOnContactSheet },
                })
                .ToListAsync(cancellationToken),
            consentSignatures = await db.ConsentSignatures.AsNoTracking().Where(s => s.UserId == userId)
                .Select(s => new { document = s.DocumentSlug, s.Version, s.TypedName, s.SignedAtUtc, textSha256 = s.TextSha256 })
                .ToListAsync(cancellationToken),
            consentWithdrawals = await db.ConsentWithdrawals.AsNoTracking().Where(w => w.UserId == userId)
                .Select(w => new { document = w.DocumentSlug, w.Version, w.WithdrawnAtUtc })
                .ToListAsync(cancellationToken),
            // The choice on /me/research in one place, with the code name research exports know this member by (so they
            // can ask a researcher about their rows).
            researchUse = new
            {
                agreed = researchStanding.Agreed,
                lastAgreedAtUtc = researchStanding.AgreedAtUtc,
                lastTakenBackAtUtc = researchStanding.WithdrawnAtUtc,
                researchCodeName = await db.UserTokens.AsNoTracking()
                    .Where(t => t.UserId == userId && t.LoginProvider == ResearchConsent.TokenProvider && t.Name == ResearchConsent.TokenName)
                    .Select(t => t.Value)
                    .SingleOrDefaultAsync(cancellationToken),
            },
            checkIns = await db.MeetingCheckIns.AsNoTracking().Where(c => c.UserId == userId)
                .Select(c => new { group = c.Group!.Name, meetingUtc = c.OccurrenceStartUtc, c.Distress, c.FeelingWord, c.NoteForFacilitator, thoughtsOfSelfHarm = c.ThoughtsOfSelfHarm, c.RecordedAtUtc })
                .ToListAsync(cancellationToken),
            meetingFeedback = await db.MeetingFeedback.AsNoTracking().Where(f => f.UserId == userId)
                .OrderBy(f => f.OccurrenceStartUtc)
                .Select(f => new
                {
                    group = f.Group!.Name, meetingUtc = f.OccurrenceStartUtc,
                    helpful = f.Helpful == null ? null : f.Helpful.ToString(),
                    feltHeard = f.FeltHeard == null ? null : f.FeltHeard.ToString(),
                    feltSafe = f.FeltSafe == null ? null : f.FeltSafe.ToString(),
                    f.WhatToChange, f.SubmittedAtUtc,
                })
                .ToListAsync(cancellationToken),
            presentationOffers = await db.PresentationOffers.AsNoTracking().Where(o => o.UserId == userId)
                .OrderBy(o => o.OccurrenceStartUtc)
                .Select(o => new { group = o.Group!.Name, meetingUtc = o.OccurrenceStartUtc, o.About, status = o.Status.ToString(), o.OfferedAtUtc, o.DecidedAtUtc })
                .ToListAsync(cancellationToken),
            meetingAttendance = await db.MeetingAttendances.AsNoTracking().Where(a => a.UserId == userId)
                .OrderBy(a => a.OccurrenceStartUtc)
                .Select(a => new
                {
                    group = a.Group!.Name, meetingUtc = a.OccurrenceStartUtc, a.Name, status = a.Status.ToString(), via = a.Via.ToString(),
                    a.Turns, a.SpokenSeconds, a.Passes,
                })
                .ToListAsync(cancellationToken),
            griefCheckIns = await db.GriefCheckIns.AsNoTracking().Where(g => g.MemberId == userId)
                .OrderBy(g => g.CompletedAtUtc)
                .Select(g => new { g.Answers, g.Score, g.SuggestsFollowUp, g.ThoughtsOfSelfHarm, g.CompletedAtUtc })
                .ToListAsync(cancellationToken),
            outsideReferrals = await db.OutsideReferrals.AsNoTracking().Where(r => r.MemberId == userId)
                .OrderBy(r => r.ReferredOn)
                .Select(r => new { resource = r.Resource!.Name, need = r.Need.ToString(), r.ReferredOn, r.FollowUpOn, outcome = r.Outcome.ToString(), r.OutcomeAtUtc })
                .ToListAsync(cancellationToken),
            resourcesSentToMe = await db.ResourceShares.AsNoTracking().Where(r => r.MemberId == userId)
                .OrderBy(r => r.SentAtUtc)
                .Select(r => new { resource = r.Resource!.Name, r.Message, r.SentAtUtc, r.SeenAtUtc })
                .ToListAsync(cancellationToken),
            surveys = (await db.SurveyResponses.AsNoTracking().Where(r => r.MemberId == userId)
                .OrderBy(r => r.DueAtUtc)
                .Select(r => new
                {
                    instrument = r.Instrument!.Title, instrumentKey = r.Instrument.Key, instrumentVersion = r.Instrument.Version,
                    r.DaysAfterJoining, r.JoinedAtUtc, r.DueAtUtc, r.ClosesAtUtc, status = r.Status.ToString(), r.AnswersJson, r.ItemsAnswered,
                    r.StartedAtUtc, r.UpdatedAtUtc, r.CompletedAtUtc, r.Reminders, r.LastReminderAtUtc, r.MeetingsAttended, r.WeeksEngaged,
                    scores = r.Scores.OrderBy(s => s.Scale).Select(s => new { s.Scale, s.Value }).ToList(),
                })
                .ToListAsync(cancellationToken))
                .Select(r => new
                {
                    r.instrument, r.instrumentKey, r.instrumentVersion, r.DaysAfterJoining, r.JoinedAtUtc, r.DueAtUtc, r.ClosesAtUtc, r.status,
                    answers = JsonNode.Parse(string.IsNullOrWhiteSpace(r.AnswersJson) ? "{}" : r.AnswersJson), r.ItemsAnswered,
                    r.StartedAtUtc, r.UpdatedAtUtc, r.CompletedAtUtc, r.Reminders, r.LastReminderAtUtc, r.MeetingsAttended, r.WeeksEngaged, r.scores,
                })
                .ToList(),
            acknowledgements = await db.Acknowledgements.AsNoTracking().Where(a => a.UserId == userId)
                .Select(a => new { kind = a.Kind.ToString(), group = a.Group == null ? null : a.Group.Name, a.Version, a.AcknowledgedAtUtc })
                .ToListAsync(cancellationToken),
            whoLookedAtMyDetails = await db.AuditEvents.AsNoTracking().Where(e => e.RecordId == userId)
                .OrderBy(e => e.OccurredAtUtc)
                .Select(e => new { e.OccurredAtUtc, e.Action, by = e.ActorName })
                .ToListAsync(cancellationToken),
        };
        audit.StageChange(AuditActions.DataExported, "Member", userId);
        await db.SaveChangesAsync(cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }

    /// <summary>Erases the account's personal details after the password is confirmed. False when the password is wrong.</summary>
    public async Task<bool> DeleteAsync(string userId, string? password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            return false;
        }
        await EraseAsync(userId, AuditActions.AccountDeleted, "Deleted by the member. Personal details erased; signatures kept for the retention period.", cancellationToken);
        return true;
    }

    /// <summary>
    /// Erases a member's personal details and ends their memberships, keeping the account row (without a name,
    /// e-mail, phone or birth date) so consent signatures and safety records stay linked for the retention period.
    /// </summary>
    public async Task EraseAsync(string userId, string auditAction, string auditDetail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var freed = new List<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var membership in await db.GroupMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken))
            {
                if (GroupPlaces.HoldingPlace.Contains(membership.Status))
                {
                    freed.Add(membership.GroupId);
                }
                if (membership.Status != MembershipStatus.Left)
                {
                    membership.Status = MembershipStatus.Left;
                    membership.StatusChangedAtUtc = now;
                }
                membership.ShareNameOnContactSheet = membership.ShareEmailOnContactSheet = membership.SharePhoneOnContactSheet = false;
                membership.PrescreenNote = null;
                membership.DeclineReason = null;
            }
            // The dashboard's counts of the months this member's surveys and attendance were in are counted again.
            await monthlyCounts.ForgetMemberAsync(userId, cancellationToken);
            await db.MemberProfiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.MeetingCheckIns.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.MeetingFeedback.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.PresentationOffers.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.SurveyScores.Where(s => s.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.SurveyResponses.Where(r => r.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
            // Attendance stays so the group's numbers stay right, but no longer says who it was.
            await db.MeetingAttendances.Where(a => a.UserId == userId).ExecuteUpdateAsync(
                a => a.SetProperty(x => x.UserId, (string?)null).SetProperty(x => x.Name, FormerMember), cancellationToken);

            var tracked = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
            var placeholder = $"deleted-{userId}@deleted.invalid";
            tracked.FullName = "";
            tracked.DisplayName = FormerMember;
            tracked.DateOfBirth = null;
            tracked.Email = placeholder;
            tracked.NormalizedEmail = placeholder.ToUpperInvariant();
            tracked.UserName = placeholder;
            tracked.NormalizedUserName = placeholder.ToUpperInvariant();
            tracked.EmailConfirmed = false;
            tracked.PhoneNumber = null;
            tracked.PasswordHash = null;
            tracked.TwoFactorEnabled = false;
            tracked.LockoutEnabled = true;
            tracked.LockoutEnd = DateTimeOffset.MaxValue;
            tracked.SecurityStamp = Guid.NewGuid().ToString();
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            audit.StageChange(auditAction, "Member", userId, auditDetail);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var groupId in freed.Distinct())
        {
            await places.OfferFreePlacesAsync(groupId, cancellationToken);
        }
    }
}
