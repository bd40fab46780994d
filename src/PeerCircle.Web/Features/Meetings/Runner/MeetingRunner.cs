using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Content;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Topics;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings.Runner;

/// <summary>A meeting that this person may run right now.</summary>
public sealed record RunnableMeeting(Group Group, GroupMeeting Meeting)
{
    public DateTime Occurrence => Meeting.ScheduledStartUtc;
    public DateTime EndUtc => Meeting.StartUtc.AddMinutes(Group.Schedule.DurationMinutes);
}

/// <summary>One person in the runner: a member of the group or someone added by name, with what is known today.</summary>
public sealed record RunnerPerson(
    long? AttendanceId, string? UserId, string Name, AttendanceStatus? Status, AttendanceVia? Via,
    int Turns, int SpokenSeconds, int Passes, int? Distress, string? FeelingWord, string? Note, int Concerns)
{
    public bool IsHere => MeetingRunner.CanSpeak(Status);
}

/// <summary>Everything the runner shows for one meeting, read fresh after every change.</summary>
public sealed record RunnerView(
    RunnableMeeting Meeting, PhaseBudget Budget, MeetingTopic? Topic, TopicExercise? Exercise, string? Presenters,
    string? CoFacilitatorNotes, string? ComfortAgreement, MeetingRun? Run, IReadOnlyList<RunnerPerson> People,
    DateTime? NextMeetingUtc)
{
    public MeetingPhase Phase => (MeetingPhase)(Run?.Phase ?? 0);
    public bool Started => Run is not null;
    public bool Ended => Run?.EndedAtUtc is not null;
    public RunnerPerson? Speaker => Run?.SpeakerAttendanceId is { } id ? People.FirstOrDefault(p => p.AttendanceId == id) : null;
}

/// <summary>
/// Runs one meeting live: starts it, moves through the six phases (the confidentiality reminder must be given before
/// the last part, and the meeting cannot end without it), takes attendance, tracks who has had the air, and notes
/// private concerns. Only the group's facilitators and coordinators, from an hour before the meeting until twelve
/// hours after it began. Every change is saved with its audit event and announced to the other runner.
/// </summary>
public sealed class MeetingRunner(
    PeerCircleDb db, GroupCalendar calendar, AuditTrail audit, MeetingRoom room, TopicLibrary topics, Safety.Signals.SafetySignals signals,
    TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);
    public static readonly TimeSpan ClosesAfterStart = TimeSpan.FromHours(12);
    public const int NameMax = 100;
    public const int ConcernNoteMax = 1000;

    /// <summary>The meeting, when this person leads or co-leads the group (or coordinates) and it can be run now.</summary>
    public async Task<RunnableMeeting?> FindAsync(Guid groupId, string? occurrenceKey, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || occurrenceKey is null)
        {
            return null;
        }
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null || !(user.IsInRole(Roles.Coordinator) || group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId))
        {
            return null;
        }
        var meeting = (await OpenMeetingsAsync(group, cancellationToken)).FirstOrDefault(m => ChangeMeeting.OccurrenceKey(m.ScheduledStartUtc) == occurrenceKey);
        return meeting is null ? null : new RunnableMeeting(group, meeting);
    }

    /// <summary>The group's meetings that can be run now (usually none or one), latest first.</summary>
    public async Task<IReadOnlyList<GroupMeeting>> OpenMeetingsAsync(Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow().UtcDateTime;
        var meetings = await calendar.ScheduledAsync(group, now - ClosesAfterStart - TimeSpan.FromDays(1), 20, cancellationToken);
        return meetings.Where(m => !m.Cancelled && IsOpen(m.StartUtc, now)).OrderByDescending(m => m.StartUtc).ToList();
    }

    /// <summary>Whether a meeting starting at <paramref name="startUtc"/> can be run at <paramref name="nowUtc"/>.</summary>
    public static bool IsOpen(DateTime startUtc, DateTime nowUtc) => nowUtc >= startUtc - OpensBefore && nowUtc <= startUtc + ClosesAfterStart;

    public async Task<RunnerView> LoadAsync(RunnableMeeting meeting, bool recordRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var groupId = meeting.Group.Id;
        var occurrence = meeting.Occurrence;
        var plan = await db.MeetingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.GroupId == groupId && p.OccurrenceStartUtc == occurrence, cancellationToken);
        var run = await db.MeetingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.GroupId == groupId && r.OccurrenceStartUtc == occurrence, cancellationToken);
        var agreement = await db.ComfortAgreements.AsNoTracking().Where(a => a.GroupId == groupId)
            .OrderByDescending(a => a.Version).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        var members = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Accepted)
            .Select(m => new { m.UserId, m.User!.DisplayName })
            .ToListAsync(cancellationToken);
        var attendance = await db.MeetingAttendances.AsNoTracking()
            .Where(a => a.GroupId == groupId && a.OccurrenceStartUtc == occurrence).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var checkIns = await db.MeetingCheckIns.AsNoTracking()
            .Where(c => c.GroupId == groupId && c.OccurrenceStartUtc == occurrence).ToListAsync(cancellationToken);
        var concerns = await db.Concerns.AsNoTracking()
            .Where(c => c.GroupId == groupId && c.OccurrenceStartUtc == occurrence)
            .Select(c => new { c.AboutUserId, c.AboutName }).ToListAsync(cancellationToken);

        var people = new List<RunnerPerson>();
        RunnerPerson Person(string? userId, string name, MeetingAttendance? row)
        {
            var checkIn = userId is null ? null : checkIns.FirstOrDefault(c => c.UserId == userId);
            var concernCount = concerns.Count(c => userId is not null ? c.AboutUserId == userId : c.AboutUserId is null && c.AboutName == name);
            return new RunnerPerson(row?.Id, userId, name, row?.Status, row?.Via, row?.Turns ?? 0, row?.SpokenSeconds ?? 0,
                row?.Passes ?? 0, checkIn?.Distress, checkIn?.FeelingWord, checkIn?.NoteForFacilitator, concernCount);
        }
        foreach (var member in members.OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase))
        {
            people.Add(Person(member.UserId, member.DisplayName, attendance.FirstOrDefault(a => a.UserId == member.UserId)));
        }
        // People added by name (a caller on the phone line) and anyone no longer on the roster stay in the list.
        foreach (var row in attendance.Where(a => a.UserId is null || members.All(m => m.UserId != a.UserId)))
        {
            people.Add(Person(row.UserId, row.Name, row));
        }

        var topic = plan?.TopicSlug is { } slug ? await TopicAsPlannedAsync(slug, plan.TopicVersion, cancellationToken) : null;
        var exercise = topic is null ? null : topic.Exercises.ElementAtOrDefault(plan?.ExerciseIndex ?? 0) ?? topic.Exercises.FirstOrDefault();
        var next = (await calendar.ScheduledAsync(meeting.Group, meeting.Meeting.StartUtc.AddMinutes(1), 4, cancellationToken))
            .FirstOrDefault(m => !m.Cancelled && m.StartUtc > meeting.Meeting.StartUtc);

        if (recordRead)
        {
            await audit.RecordReadAsync(AuditActions.MeetingRunnerOpened, "Group", groupId.ToString(),
                $"{ChangeMeeting.OccurrenceKey(occurrence)}: roster of {people.Count}, {checkIns.Count} check-ins", cancellationToken);
        }
        return new RunnerView(meeting, plan is null ? PhaseBudget.Defaults(meeting.Group.Schedule.DurationMinutes) : SaveMeetingPlan.BudgetOf(plan),
            topic, exercise, plan?.Presenters, plan?.CoFacilitatorNotes, agreement, run, people, next?.StartUtc);
    }

    /// <summary>The topic as the plan pinned it, or today's text when that version is not on record.</summary>
    private async Task<MeetingTopic?> TopicAsPlannedAsync(string slug, int? version, CancellationToken cancellationToken)
    {
        if (version is { } number)
        {
            var source = await db.ContentRevisions.AsNoTracking()
                .Where(r => r.Kind == ContentKinds.Topic && r.Slug == slug && r.Number == number)
                .Select(r => r.Source).FirstOrDefaultAsync(cancellationToken);
            if (source is not null)
            {
                var pinned = TopicLibrary.Parse(slug, source);
                pinned.Number = number;
                return pinned;
            }
        }
        return topics.Topic(slug);
    }

    public Task<string?> StartAsync(RunnableMeeting meeting, string userId, CancellationToken cancellationToken) =>
        ChangeRunAsync(meeting, cancellationToken, allowMissing: true, change: (run, now) =>
        {
            if (run.Id != 0)
            {
                return null; // Already started by the co-facilitator: nothing to do.
            }
            run.StartedById = userId;
            run.StartedAtUtc = now;
            run.Phase = 0;
            run.PhaseStartedAtUtc = now;
            return "started";
        });

    /// <summary>Moves one part forward (<paramref name="step"/> = 1) or back (-1).</summary>
    public Task<string?> MoveAsync(RunnableMeeting meeting, int step, CancellationToken cancellationToken) =>
        ChangeRunAsync(meeting, cancellationToken, change: (run, now) =>
        {
            var target = run.Phase + Math.Sign(step);
            if (target < 0 || target > (int)MeetingPhase.Contact)
            {
                return null;
            }
            if (step > 0 && run.Phase == (int)MeetingPhase.Confidentiality && run.ConfidentialityGivenAtUtc is null)
            {
                throw new RunnerRefusal(text["Please give the confidentiality reminder before moving on. It is never skipped."]);
            }
            run.Phase = target;
            run.PhaseStartedAtUtc = now;
            return $"part {target + 1} of 6";
        });

    public Task<string?> GiveConfidentialityReminderAsync(RunnableMeeting meeting, CancellationToken cancellationToken) =>
        ChangeRunAsync(meeting, cancellationToken, change: (run, now) =>
        {
            if (run.Phase != (int)MeetingPhase.Confidentiality)
            {
                throw new RunnerRefusal(text["The confidentiality reminder is given in its own part of the meeting, near the end."]);
            }
            run.ConfidentialityGivenAtUtc ??= now;
            return "confidentiality reminder given";
        });

    public Task<string?> EndAsync(RunnableMeeting meeting, CancellationToken cancellationToken) =>
        ChangeRunAsync(meeting, cancellationToken, change: (run, now) =>
        {
            if (run.ConfidentialityGivenAtUtc is null)
            {
                throw new RunnerRefusal(text["The meeting cannot end before the confidentiality reminder is given."]);
            }
            if (run.Phase != (int)MeetingPhase.Contact)
            {
                throw new RunnerRefusal(text["Please share the contact information and the next meeting first."]);
            }
            StopSpeaker(run, now, []);
            run.EndedAtUtc = now;
            return "ended";
        });

    /// <summary>Marks a member of the roster (by account) or someone already listed (by attendance row).</summary>
    public async Task<string?> MarkAsync(RunnableMeeting meeting, string userId, string personKey, string? status, string? via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!Enum.TryParse<AttendanceStatus>(status, ignoreCase: false, out var parsedStatus) || !Enum.IsDefined(parsedStatus))
        {
            return text["Please choose present, late, left early, excused or absent."];
        }
        AttendanceVia? parsedVia = null;
        if (via is not null)
        {
            if (!Enum.TryParse<AttendanceVia>(via, ignoreCase: false, out var v) || !Enum.IsDefined(v))
            {
                return text["Please choose in person, video or phone."];
            }
            parsedVia = v;
        }
        var row = await FindPersonAsync(meeting, personKey, cancellationToken);
        if (row is null)
        {
            return text["That person is not on this meeting's list."];
        }
        var now = time.GetUtcNow().UtcDateTime;
        row.Status = parsedStatus;
        row.Via = parsedVia ?? row.Via;
        row.RecordedById = userId;
        row.UpdatedAtUtc = now;
        if (!CanSpeak(parsedStatus) && row.Id != 0)
        {
            var run = await db.MeetingRuns.SingleOrDefaultAsync(r => r.GroupId == meeting.Group.Id && r.OccurrenceStartUtc == meeting.Occurrence, cancellationToken);
            if (run is not null && run.SpeakerAttendanceId == row.Id)
            {
                StopSpeaker(run, now, [row]);
                run.Version++;
            }
        }
        audit.StageChange(AuditActions.AttendanceRecorded, row.UserId is null ? "MeetingAttendance" : "Member", row.UserId ?? row.Name,
            $"{ChangeMeeting.OccurrenceKey(meeting.Occurrence)}: {parsedStatus}, {row.Via}");
        return await SaveAndAnnounceAsync(meeting, cancellationToken);
    }

    /// <summary>Adds someone known only by name, such as a person on the phone line, as present.</summary>
    public async Task<string?> AddByNameAsync(RunnableMeeting meeting, string userId, string? name, string? via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return text["Please type the name the person uses in the group."];
        }
        if (trimmed.Length > NameMax)
        {
            return text["Please keep the name under {0} characters.", NameMax];
        }
        if (!Enum.TryParse<AttendanceVia>(via, ignoreCase: false, out var parsedVia) || !Enum.IsDefined(parsedVia))
        {
            return text["Please choose in person, video or phone."];
        }
        // The roster's names and everyone already listed for this meeting; nothing else of the view is needed here.
        var groupId = meeting.Group.Id;
        var names = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Accepted).Select(m => m.User!.DisplayName)
            .Concat(db.MeetingAttendances.AsNoTracking().Where(a => a.GroupId == groupId && a.OccurrenceStartUtc == meeting.Occurrence).Select(a => a.Name))
            .ToListAsync(cancellationToken);
        if (names.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.CurrentCultureIgnoreCase)) is { } listed)
        {
            return text["{0} is already on the list. Mark them there, or add a last initial to tell two people apart.", listed];
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.MeetingAttendances.Add(new MeetingAttendance
        {
            GroupId = meeting.Group.Id, OccurrenceStartUtc = meeting.Occurrence, Name = trimmed, Status = AttendanceStatus.Present,
            Via = parsedVia, RecordedById = userId, UpdatedAtUtc = now,
        });
        audit.StageChange(AuditActions.AttendanceRecorded, "MeetingAttendance", trimmed, $"{ChangeMeeting.OccurrenceKey(meeting.Occurrence)}: added by name, {parsedVia}");
        return await SaveAndAnnounceAsync(meeting, cancellationToken);
    }

    /// <summary>Starts this person's turn (ending the one before it), or ends it when they are already speaking.</summary>
    public async Task<string?> SpeakAsync(RunnableMeeting meeting, string userId, string personKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var row = await FindPersonAsync(meeting, personKey, cancellationToken);
        if (row is null)
        {
            return text["That person is not on this meeting's list."];
        }
        if (row.Id == 0 || !CanSpeak(row.Status))
        {
            return text["Mark {0} as here first.", row.Name];
        }
        return await ChangeRunAsync(meeting, cancellationToken, change: (run, now) =>
        {
            if (run.EndedAtUtc is not null)
            {
                throw new RunnerRefusal(text["This meeting has ended."]);
            }
            var wasSpeaking = run.SpeakerAttendanceId == row.Id;
            StopSpeaker(run, now, [row]);
            if (!wasSpeaking)
            {
                run.SpeakerAttendanceId = row.Id;
                run.SpeakerSinceUtc = now;
                row.Turns++;
                row.RecordedById = userId;
                row.UpdatedAtUtc = now;
            }
            audit.StageChange(AuditActions.ShareOfAirRecorded, row.UserId is null ? "MeetingAttendance" : "Member", row.UserId ?? row.Name,
                wasSpeaking ? "finished speaking" : "started speaking");
            return null;
        });
    }

    /// <summary>Records that this person chose to pass this time, which is always fine.</summary>
    public async Task<string?> PassAsync(RunnableMeeting meeting, string userId, string personKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var row = await FindPersonAsync(meeting, personKey, cancellationToken);
        if (row is null)
        {
            return text["That person is not on this meeting's list."];
        }
        if (row.Id == 0 || !CanSpeak(row.Status))
        {
            return text["Mark {0} as here first.", row.Name];
        }
        row.Passes++;
        row.RecordedById = userId;
        row.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.StageChange(AuditActions.ShareOfAirRecorded, row.UserId is null ? "MeetingAttendance" : "Member", row.UserId ?? row.Name, "passed");
        return await SaveAndAnnounceAsync(meeting, cancellationToken);
    }

    /// <summary>A private note of concern about someone in the meeting, kept for the post-meeting log.</summary>
    public async Task<string?> RaiseConcernAsync(
        RunnableMeeting meeting, string userId, string personKey, string? kind, bool urgent, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!Enum.TryParse<ConcernKind>(kind, ignoreCase: false, out var parsedKind) || !Enum.IsDefined(parsedKind))
        {
            return text["Please choose what the concern is about."];
        }
        var trimmed = note?.Trim();
        if (trimmed is { Length: > ConcernNoteMax })
        {
            return text["Please keep the note under {0} characters.", ConcernNoteMax];
        }
        var person = await FindPersonAsync(meeting, personKey, cancellationToken);
        if (person is null)
        {
            return text["That person is not on this meeting's list."];
        }
        if (person.Id == 0)
        {
            db.Entry(person).State = EntityState.Detached; // Only read for the name; attendance is not taken by a concern.
        }
        var concern = new Concern
        {
            GroupId = meeting.Group.Id, OccurrenceStartUtc = meeting.Occurrence, AboutUserId = person.UserId, AboutName = person.Name,
            Kind = parsedKind, Urgent = urgent, Note = string.IsNullOrEmpty(trimmed) ? null : trimmed, RaisedById = userId,
            RaisedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Concerns.Add(concern);
        // A concern about a member reaches a clinician; urgent ones within the hour.
        await signals.ConcernAsync(concern, cancellationToken);
        audit.StageChange(AuditActions.ConcernRaised, person.UserId is null ? "MeetingAttendance" : "Member", person.UserId ?? person.Name,
            $"{ChangeMeeting.OccurrenceKey(meeting.Occurrence)}: {parsedKind}{(urgent ? ", urgent" : "")}");
        return await SaveAndAnnounceAsync(meeting, cancellationToken);
    }

    /// <summary>Whether someone is in the room now: people who left early came, but are not there to speak.</summary>
    public static bool CanSpeak(AttendanceStatus? status) => status is AttendanceStatus.Present or AttendanceStatus.Late;

    /// <summary>
    /// The attendance row for "u:{userId}" (a member of the roster; a new, unsaved row when attendance was not taken
    /// yet) or "a:{id}" (someone already listed). Null for anyone else.
    /// </summary>
    private async Task<MeetingAttendance?> FindPersonAsync(RunnableMeeting meeting, string? personKey, CancellationToken cancellationToken)
    {
        var groupId = meeting.Group.Id;
        var occurrence = meeting.Occurrence;
        if (personKey is ['a', ':', .. var idText] && long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await db.MeetingAttendances.SingleOrDefaultAsync(a => a.Id == id && a.GroupId == groupId && a.OccurrenceStartUtc == occurrence, cancellationToken);
        }
        if (personKey is not ['u', ':', .. var memberId] || memberId.Length == 0)
        {
            return null;
        }
        var existing = await db.MeetingAttendances.SingleOrDefaultAsync(
            a => a.GroupId == groupId && a.OccurrenceStartUtc == occurrence && a.UserId == memberId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var member = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.UserId == memberId && m.Status == MembershipStatus.Accepted)
            .Select(m => m.User!.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }
        var row = new MeetingAttendance
        {
            GroupId = groupId, OccurrenceStartUtc = occurrence, UserId = memberId, Name = member, Via = DefaultVia(meeting.Group.Modality),
        };
        db.MeetingAttendances.Add(row);
        return row;
    }

    public static AttendanceVia DefaultVia(Modality modality) => modality switch
    {
        Modality.Phone => AttendanceVia.Phone,
        Modality.Video or Modality.OnlineText => AttendanceVia.Video,
        _ => AttendanceVia.InPerson,
    };

    /// <summary>Ends the current turn, adding its seconds to the speaker (loaded from <paramref name="known"/> or the database).</summary>
    private void StopSpeaker(MeetingRun run, DateTime now, IEnumerable<MeetingAttendance> known)
    {
        if (run.SpeakerAttendanceId is { } speakerId && run.SpeakerSinceUtc is { } since)
        {
            var speaker = known.FirstOrDefault(a => a.Id == speakerId) ?? db.MeetingAttendances.Find(speakerId);
            if (speaker is not null)
            {
                speaker.SpokenSeconds += (int)Math.Max(0, (now - since).TotalSeconds);
                speaker.UpdatedAtUtc = now;
            }
        }
        run.SpeakerAttendanceId = null;
        run.SpeakerSinceUtc = null;
    }

    /// <summary>
    /// Loads the run, applies a change, and saves it with its audit event. The change returns what to audit (null: no
    /// change) or throws <see cref="RunnerRefusal"/> with a message for the facilitator.
    /// </summary>
    private async Task<string?> ChangeRunAsync(RunnableMeeting meeting, CancellationToken cancellationToken, Func<MeetingRun, DateTime, string?> change, bool allowMissing = false)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var run = await db.MeetingRuns.SingleOrDefaultAsync(r => r.GroupId == meeting.Group.Id && r.OccurrenceStartUtc == meeting.Occurrence, cancellationToken);
        if (run is null && !allowMissing)
        {
            return text["Please start the meeting first."];
        }
        run ??= new MeetingRun { GroupId = meeting.Group.Id, OccurrenceStartUtc = meeting.Occurrence };
        var now = time.GetUtcNow().UtcDateTime;
        string? what;
        try
        {
            what = change(run, now);
        }
        catch (RunnerRefusal refusal)
        {
            return refusal.Message;
        }
        if (run.Id == 0 && what is not null)
        {
            db.MeetingRuns.Add(run);
        }
        if (what is not null)
        {
            audit.StageChange(AuditActions.MeetingRunChanged, "Group", meeting.Group.Id.ToString(), $"{ChangeMeeting.OccurrenceKey(meeting.Occurrence)}: {what}");
        }
        if (db.ChangeTracker.HasChanges())
        {
            run.Version++;
        }
        return await SaveAndAnnounceAsync(meeting, cancellationToken);
    }

    private async Task<string?> SaveAndAnnounceAsync(RunnableMeeting meeting, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Both facilitators pressed at the same moment; theirs was saved. Show them what is true now.
            db.ChangeTracker.Clear();
            room.Publish(meeting.Group.Id, meeting.Occurrence);
            return text["Your co-facilitator changed this at the same moment. The page now shows the latest; please try again if you still need to."];
        }
        room.Publish(meeting.Group.Id, meeting.Occurrence);
        return null;
    }

    private sealed class RunnerRefusal(string message) : Exception(message);
}
