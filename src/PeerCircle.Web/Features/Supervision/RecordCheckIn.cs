using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Supervision;

public sealed class CheckInForm
{
    public string? Energy { get; set; }
    public string? Stress { get; set; }
    public string[]? Signs { get; set; }
    public string? Note { get; set; }
}

/// <summary>A facilitator's short well-being check-in: energy, stress and signs of compassion fatigue.</summary>
public sealed class RecordCheckIn(PeerCircleDb db, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MaxNoteLength = 2000;

    /// <summary>The signs a facilitator can tick, by key, with the words they read.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> FatigueSigns =
    [
        ("sleep", "I have trouble sleeping"),
        ("dread", "I dread going to meetings"),
        ("numb", "I feel numb or cut off"),
        ("stories", "I keep thinking about members' stories at home"),
        ("irritable", "I get irritated more easily than usual"),
    ];

    /// <summary>Stress at or above this, or this many signs, is when we suggest a debrief or a pause.</summary>
    public const int HighStress = 7;
    public const int ManySigns = 3;

    public static bool NeedsSupport(WellbeingCheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return checkIn.Stress >= HighStress || SignsOf(checkIn).Count >= ManySigns;
    }

    public static IReadOnlyList<string> SignsOf(WellbeingCheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return checkIn.FatigueSigns.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Saves the check-in, or returns what to fix; nothing is saved when anything is wrong.</summary>
    public async Task<string?> HandleAsync(string facilitatorId, CheckInForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Score(form.Energy) is not { } energy)
        {
            return text["Please choose your energy as a whole number from 0 (empty) to 10 (full of energy)."];
        }
        if (Score(form.Stress) is not { } stress)
        {
            return text["Please choose your stress as a whole number from 0 (calm) to 10 (overwhelmed)."];
        }
        var signs = (form.Signs ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        if (signs.Any(s => FatigueSigns.All(f => f.Key != s)))
        {
            return text["Please choose only from the signs in the list."];
        }
        if (form.Note is { Length: > MaxNoteLength })
        {
            return text["Please keep your note under 2,000 characters."];
        }
        var checkIn = new WellbeingCheckIn
        {
            FacilitatorId = facilitatorId, Energy = energy, Stress = stress,
            FatigueSigns = string.Join(',', FatigueSigns.Select(f => f.Key).Where(signs.Contains)),
            Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(),
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.WellbeingCheckIns.Add(checkIn);
        audit.StageChange(AuditActions.CheckInRecorded, "Facilitator", facilitatorId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static int? Score(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10 ? score : null;

    /// <summary>A plain sentence about how stress and energy moved over the last three check-ins, oldest first.</summary>
    public static IReadOnlyList<string> Trend(IReadOnlyList<WellbeingCheckIn> oldestFirst, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        ArgumentNullException.ThrowIfNull(text);
        if (oldestFirst.Count < 3)
        {
            return [text["After three check-ins we will show how things are changing for you."]];
        }
        var last = oldestFirst.TakeLast(3).ToList();
        return
        [
            Direction(last.Select(c => c.Stress).ToList()) switch
            {
                > 0 => text["Stress has gone up over your last 3 check-ins."],
                < 0 => text["Stress has come down over your last 3 check-ins."],
                _ => text["Stress has stayed about the same over your last 3 check-ins."],
            },
            Direction(last.Select(c => c.Energy).ToList()) switch
            {
                > 0 => text["Energy has gone up over your last 3 check-ins."],
                < 0 => text["Energy has gone down over your last 3 check-ins."],
                _ => text["Energy has stayed about the same over your last 3 check-ins."],
            },
        ];
    }

    /// <summary>1 when each value is at least the one before and the last is higher than the first; -1 the other way; else 0.</summary>
    private static int Direction(IReadOnlyList<int> values)
    {
        var pairs = values.Zip(values.Skip(1)).ToList();
        if (pairs.All(p => p.Second >= p.First) && values[^1] > values[0])
        {
            return 1;
        }
        if (pairs.All(p => p.Second <= p.First) && values[^1] < values[0])
        {
            return -1;
        }
        return 0;
    }
}
