using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Safety.Oversight;

/// <summary>The confidentiality-break form, as posted: all text, so anything wrong comes back with a message.</summary>
public sealed class BreakForm
{
    public string? Exception { get; set; }
    public string? MemberEmail { get; set; }
    public string? CaseId { get; set; }
    public string? WhatWasDisclosed { get; set; }
    public string? DisclosedTo { get; set; }
    public string? Date { get; set; }
    public string? Time { get; set; }
}

public sealed record BreakResult(long? RecordId, Dictionary<string, string[]> Errors);

/// <summary>Plain-words labels for the confidentiality exceptions.</summary>
public static class ConfidentialityLabels
{
    public static readonly IReadOnlyList<ConfidentialityException> All = Enum.GetValues<ConfidentialityException>();

    public static string Of(ConfidentialityException exception) => exception switch
    {
        ConfidentialityException.RiskToSelf => "Risk to self",
        ConfidentialityException.RiskToOthers => "Risk to others",
        ConfidentialityException.AbuseReporting => "Abuse or neglect reporting",
        ConfidentialityException.LegalRequirement => "Required by law",
        _ => exception.ToString(),
    };

    /// <summary>Reads an exception from a form or a link; unknown text gives null.</summary>
    public static ConfidentialityException? Parse(string? value) =>
        Enum.TryParse<ConfidentialityException>(value?.Trim(), ignoreCase: true, out var parsed)
        && Enum.IsDefined(parsed) && !int.TryParse(value, CultureInfo.InvariantCulture, out _) ? parsed : null;
}

/// <summary>
/// Records that a clinician or coordinator shared something under an exception to confidentiality. Records are
/// append-only: there is no way to change or delete one, so the log stays a faithful account.
/// </summary>
public sealed class RecordConfidentialityBreak(
    PeerCircleDb db, UserManager<PeerCircleUser> users, AuditTrail audit, ProgramTime programTime, TimeProvider time,
    IStringLocalizer<SharedResource> text)
{
    public const int WhatMax = 2000;
    public const int ToWhomMax = 300;

    public async Task<BreakResult> HandleAsync(BreakForm form, string recordedById, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message)
        {
            if (!errors.ContainsKey(field))
            {
                errors[field] = [message];
            }
        }

        var exception = ConfidentialityLabels.Parse(form.Exception);
        if (exception is null)
        {
            Fail("Exception", text["Please choose which exception to confidentiality applied."]);
        }

        string? memberId = null;
        long? caseId = null;
        var caseText = (form.CaseId ?? "").Trim();
        if (caseText.Length > 0)
        {
            if (long.TryParse(caseText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await db.EscalationCases.AsNoTracking().Where(c => c.Id == id).Select(c => c.MemberId).SingleOrDefaultAsync(cancellationToken) is { } caseMember)
            {
                caseId = id;
                memberId = caseMember;
            }
            else
            {
                Fail("CaseId", text["We could not find a case with that number. Please check it, or leave it empty."]);
            }
        }
        var email = (form.MemberEmail ?? "").Trim();
        if (email.Length > 0)
        {
            var member = await users.FindByEmailAsync(email);
            if (member is null)
            {
                Fail("MemberEmail", text["We could not find anyone with that e-mail address. Please check it, or leave it empty."]);
            }
            else if (memberId is not null && memberId != member.Id)
            {
                Fail("MemberEmail", text["That e-mail address belongs to someone other than the member of this case. Please check both."]);
            }
            else
            {
                memberId = member.Id;
            }
        }

        var what = (form.WhatWasDisclosed ?? "").Trim();
        if (what.Length == 0)
        {
            Fail("WhatWasDisclosed", text["Please say what was shared."]);
        }
        else if (what.Length > WhatMax)
        {
            Fail("WhatWasDisclosed", text["Please keep what was shared under 2,000 characters."]);
        }
        var toWhom = (form.DisclosedTo ?? "").Trim();
        if (toWhom.Length == 0)
        {
            Fail("DisclosedTo", text["Please say who it was shared with, like “Mobile crisis team, Cook County”."]);
        }
        else if (toWhom.Length > ToWhomMax)
        {
            Fail("DisclosedTo", text["Please keep who it was shared with under 300 characters."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        DateTime? disclosedAt = null;
        var hasDate = DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!hasDate)
        {
            Fail("Date", text["Please enter the date as year-month-day, like 2027-03-04."]);
        }
        var hasTime = TimeOnly.TryParseExact(form.Time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock);
        if (!hasTime)
        {
            Fail("Time", text["Please enter a time, like 14:30."]);
        }
        if (hasDate && hasTime)
        {
            var local = date.ToDateTime(clock, DateTimeKind.Unspecified);
            if (programTime.Check(local) == LocalTimeCheck.Skipped)
            {
                Fail("Time", text["The clocks go forward an hour that night, so that time does not exist. Please choose another time."]);
            }
            else
            {
                // A time the clocks show twice is read as standard time (the second pass), unless that is still to
                // come: then it can only be the first pass, an hour earlier.
                disclosedAt = programTime.ToUtc(local);
                if (disclosedAt > now)
                {
                    disclosedAt = programTime.FirstUtc(local);
                }
                if (disclosedAt > now)
                {
                    Fail("Date", text["That time is in the future. Please enter when it was shared."]);
                }
            }
        }
        if (errors.Count > 0)
        {
            return new BreakResult(null, errors);
        }

        var record = new ConfidentialityBreak
        {
            Exception = exception!.Value, MemberId = memberId, CaseId = caseId, WhatWasDisclosed = what, DisclosedTo = toWhom,
            DisclosedAtUtc = disclosedAt!.Value, RecordedById = recordedById, RecordedAtUtc = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ConfidentialityBreaks.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        audit.StageChange(AuditActions.SafetyConfidentialityBreakRecorded, "ConfidentialityBreak", record.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{record.Exception}; member {memberId ?? "none"}; case {caseId?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BreakResult(record.Id, errors);
    }
}
