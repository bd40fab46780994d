using PeerCircle.Data.Members;

namespace PeerCircle.Web.Features.Members;

/// <summary>Plain-language English wording of the intake choices; pages pass these through the localizer.</summary>
public static class MemberLabels
{
    public static string Of(JourneyRole role) => role switch
    {
        JourneyRole.PatientOrSurvivor => "I have or had cancer",
        JourneyRole.Caregiver => "I care for someone with cancer",
        _ => "I lost someone to cancer",
    };

    public static string Of(TreatmentPhase phase) => phase switch
    {
        TreatmentPhase.NewlyDiagnosed => "Newly diagnosed",
        TreatmentPhase.InTreatment => "In treatment",
        TreatmentPhase.FinishedTreatment => "Finished treatment",
        TreatmentPhase.AdvancedOrMetastatic => "Living with advanced or metastatic cancer",
        TreatmentPhase.PalliativeOrHospice => "In palliative or hospice care",
        _ => "Bereaved",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "E-mail",
        ContactChannel.Text => "Text message",
        _ => "Phone call",
    };

    public static string Of(TimeOfDayPreference time) => time switch
    {
        TimeOfDayPreference.Morning => "Mornings",
        TimeOfDayPreference.Afternoon => "Afternoons",
        TimeOfDayPreference.Evening => "Evenings",
        _ => "Any time",
    };


    /// <summary>The ten-year age band shown to staff instead of a birth date, e.g. "40–49".</summary>
    public static string AgeBand(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year - (today < dateOfBirth.AddYears(today.Year - dateOfBirth.Year) ? 1 : 0);
        if (age < 18)
        {
            return "Under 18";
        }
        if (age >= 80)
        {
            return "80 or older";
        }
        var low = age < 30 ? 18 : age / 10 * 10;
        var high = age < 30 ? 29 : low + 9;
        return $"{low}–{high}";
    }
}
