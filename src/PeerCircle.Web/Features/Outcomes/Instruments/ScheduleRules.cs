using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>The add-a-point form: every value as text, so anything posted comes back with a message.</summary>
public sealed class SchedulePointForm
{
    public string? InstrumentId { get; set; }
    public string? Days { get; set; }
    public string? Label { get; set; }
}

public static class ScheduleRules
{
    /// <summary>Two years: the latest follow-up a schedule may have.</summary>
    public const int MaxDays = 730;
    public const int MaxLabel = 80;
}

public sealed record ScheduleChange(long? PointId, Dictionary<string, string[]> Errors);

/// <summary>
/// Attaches an instrument to the schedule (a point: days after the member first joined a group, and a label) and takes
/// points off it. A removed point is kept, inactive, so the surveys already given at it keep their point; adding the
/// same day again brings it back with the new label.
/// </summary>
public sealed class ManageSchedule(PeerCircleDb db, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public async Task<ScheduleChange> AddAsync(SchedulePointForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        Instrument? instrument = null;
        if (!long.TryParse(form.InstrumentId, NumberStyles.None, CultureInfo.InvariantCulture, out var instrumentId)
            || (instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken)) is null)
        {
            errors["InstrumentId"] = [text["Please choose an instrument."]];
        }
        else if (!instrument.Active)
        {
            errors["InstrumentId"] = [text["This instrument is not in use. Please choose another one."]];
        }
        var daysText = form.Days?.Trim() ?? "";
        int days = -1;
        if (daysText.Length == 0)
        {
            errors["Days"] = [text["Please enter how many days after joining the survey is due (0 is the baseline)."]];
        }
        else if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > ScheduleRules.MaxDays)
        {
            errors["Days"] = [text["Please enter a whole number of days from 0 to {0}.", ScheduleRules.MaxDays]];
        }
        var label = form.Label?.Trim() ?? "";
        if (label.Length == 0)
        {
            errors["Label"] = [text["Please give the point a short name, such as “8 weeks”."]];
        }
        else if (label.Length > ScheduleRules.MaxLabel)
        {
            errors["Label"] = [text["Please keep the name to {0} characters or fewer.", ScheduleRules.MaxLabel]];
        }
        SurveySchedulePoint? existing = null;
        if (instrument is not null && !errors.ContainsKey("Days"))
        {
            existing = await db.SurveySchedulePoints.FirstOrDefaultAsync(p => p.InstrumentId == instrument.Id && p.DaysAfterJoining == days, cancellationToken);
            if (existing is { Active: true })
            {
                errors["Days"] = [text["This instrument is already asked at day {0} (“{1}”).", days, existing.Label]];
            }
        }
        if (errors.Count > 0)
        {
            return new ScheduleChange(null, errors);
        }

        if (existing is null)
        {
            existing = new SurveySchedulePoint { InstrumentId = instrument!.Id, DaysAfterJoining = days, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
            db.SurveySchedulePoints.Add(existing);
        }
        existing.Label = label;
        existing.Active = true;
        audit.StageChange(AuditActions.OutcomesSchedulePointAdded, "Instrument", instrument!.Id.ToString(CultureInfo.InvariantCulture),
            $"{instrument.Title}: day {days.ToString(CultureInfo.InvariantCulture)} “{label}”");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same day at the same moment (the database allows one point per instrument and day).
            errors["Days"] = [text["This instrument is already asked at day {0}.", days]];
            return new ScheduleChange(null, errors);
        }
        return new ScheduleChange(existing.Id, errors);
    }

    /// <summary>Takes a point off the schedule; returns a message when there is no such active point.</summary>
    public async Task<string?> RemoveAsync(long pointId, CancellationToken cancellationToken)
    {
        var point = await db.SurveySchedulePoints.Include(p => p.Instrument).FirstOrDefaultAsync(p => p.Id == pointId && p.Active, cancellationToken);
        if (point is null)
        {
            return text["That point is not on the schedule any more."];
        }
        point.Active = false;
        audit.StageChange(AuditActions.OutcomesSchedulePointRemoved, "Instrument", point.InstrumentId.ToString(CultureInfo.InvariantCulture),
            $"{point.Instrument?.Title}: day {point.DaysAfterJoining.ToString(CultureInfo.InvariantCulture)} “{point.Label}”");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
