using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>The log form as posted: all text, so anything odd comes back with a message.</summary>
public sealed class MeetingLogForm
{
    public string? Summary { get; set; }
    public string? Feeling { get; set; }
    public List<IncidentForm>? Incidents { get; set; }
}

public sealed class IncidentForm
{
    public string? Kind { get; set; }
    public string? Step { get; set; }

    /// <summary>"true" when the box is ticked.</summary>
    public string? AlternativeGroupOffered { get; set; }
    public string? Note { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Step) && string.IsNullOrWhiteSpace(Note) && !Offered;

    public bool Offered => string.Equals(AlternativeGroupOffered?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Saves the facilitator's log of a meeting that has started: a factual summary, any incidents with the furthest
/// step taken on the escalation ladder, and how the facilitator is afterwards. One log per meeting, which either
/// facilitator may write or update; the first write time is kept and the last writer is named. Saved whole or not at
/// all, with its audit event.
/// </summary>
public sealed class SaveMeetingLog(PeerCircleDb db, AuditTrail audit, PastMeetings meetings, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int SummaryMax = 2000;
    public const int NoteMax = 500;
    public const int MaxIncidents = 12;

    /// <summary>Empty incident rows the form offers after the ones already written.</summary>
    public const int BlankRows = 3;

    public async Task<MeetingLog?> LoadAsync(Guid groupId, DateTime occurrenceUtc, CancellationToken cancellationToken) =>
        await db.MeetingLogs.AsNoTracking().Include(l => l.Incidents.OrderBy(i => i.Id))
            .SingleOrDefaultAsync(l => l.GroupId == groupId && l.OccurrenceStartUtc == occurrenceUtc, cancellationToken);

    public async Task<Dictionary<string, string[]>> HandleAsync(Group group, GroupMeeting meeting, string userId, MeetingLogForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        var now = time.GetUtcNow().UtcDateTime;
        // Begun: its time has come, or a facilitator started it early in the runner.
        if (!await meetings.HasBegunAsync(meeting, cancellationToken))
        {
            Fail("Summary", text["This meeting has not started yet. You can write its log once it has begun."]);
            return errors;
        }

        var summary = form.Summary?.Trim() ?? "";
        if (summary.Length == 0)
        {
            Fail("Summary", text["Please write a short summary of the meeting: what was talked about and anything to follow up."]);
        }
        else if (summary.Length > SummaryMax)
        {
            Fail("Summary", text["Please keep the summary under {0} characters. It is {1} now.", SummaryMax, summary.Length]);
        }
        if (!EnumText.TryParse<AfterMeetingFeeling>(form.Feeling, out var feeling))
        {
            Fail("Feeling", text["Please choose how you are after this meeting."]);
        }

        var incidents = new List<MeetingIncident>();
        var rows = form.Incidents ?? [];
        if (rows.Count(r => r is not null && !r.IsBlank) > MaxIncidents)
        {
            Fail("incident-0-Kind", text["Please record at most {0} incidents for one meeting. Put similar ones together in one row.", MaxIncidents]);
        }
        else
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (row is null || row.IsBlank)
                {
                    continue;
                }
                var okKind = EnumText.TryParse<IncidentKind>(row.Kind, out var kind);
                if (!okKind)
                {
                    Fail($"incident-{i}-Kind", text["Incident {0}: please choose what happened.", i + 1]);
                }
                var okStep = EnumText.TryParse<EscalationStep>(row.Step, out var step);
                if (!okStep)
                {
                    Fail($"incident-{i}-Step", text["Incident {0}: please choose the furthest step you took.", i + 1]);
                }
                else if (step == EscalationStep.AskToLeave && !row.Offered)
                {
                    Fail($"incident-{i}-Offered", text["Incident {0}: someone who is asked to leave must be offered another group. Please offer them one, then tick the box.", i + 1]);
                }
                var note = row.Note?.Trim();
                if (note is { Length: > NoteMax })
                {
                    Fail($"incident-{i}-Note", text["Incident {0}: please keep the note under {1} characters.", i + 1, NoteMax]);
                }
                if (okKind && okStep)
                {
                    incidents.Add(new MeetingIncident
                    {
                        Kind = kind, Step = step, AlternativeGroupOffered = row.Offered,
                        Note = string.IsNullOrEmpty(note) ? null : note,
                    });
                }
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var log = await db.MeetingLogs.Include(l => l.Incidents)
            .SingleOrDefaultAsync(l => l.GroupId == group.Id && l.OccurrenceStartUtc == meeting.ScheduledStartUtc, cancellationToken);
        if (log is null)
        {
            log = new MeetingLog { GroupId = group.Id, OccurrenceStartUtc = meeting.ScheduledStartUtc, WrittenAtUtc = now };
            db.MeetingLogs.Add(log);
        }
        else
        {
            db.MeetingIncidents.RemoveRange(log.Incidents);
            log.Incidents.Clear();
        }
        log.Summary = summary;
        log.Feeling = feeling;
        log.WrittenById = userId;
        log.UpdatedAtUtc = now;
        log.Incidents.AddRange(incidents);
        var kinds = incidents.Count == 0 ? "no incidents" : string.Join(", ", incidents.Select(i => $"{i.Kind} ({i.Step})"));
        audit.StageChange(AuditActions.MeetingLogSaved, "Group", group.Id.ToString(), $"log for {ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc)}: {kinds}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Both facilitators wrote the first log at the same moment; the unique index kept one.
            db.ChangeTracker.Clear();
            Fail("Summary", text["Your co-facilitator saved this log at the same moment. Please reload the page, read theirs, and save again."]);
        }
        return errors;
    }
}
