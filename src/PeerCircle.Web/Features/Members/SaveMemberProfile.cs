using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Geo;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.Web.Features.Members;

/// <summary>The intake form as posted: all text, so anything wrong comes back with a message instead of being lost.</summary>
public sealed class IntakeForm
{
    public string? JourneyRole { get; set; }
    public string[]? CancerTypes { get; set; }
    public string? TreatmentPhase { get; set; }
    public string? DateOfLoss { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Gender { get; set; }
    public string[]? Languages { get; set; }
    public string? PostalCode { get; set; }
    public string? TravelMiles { get; set; }
    public string? PreferredTime { get; set; }
    public string? PreferredChannel { get; set; }
    public string? MayEmail { get; set; }
    public string? MayText { get; set; }
    public string? MayLeaveVoicemail { get; set; }
    public string? Phone { get; set; }
    public string? AccessibilityNeeds { get; set; }
    public string? EmergencyContactName { get; set; }
    public string? EmergencyContactPhone { get; set; }
    public string? EmergencyContactRelationship { get; set; }
    public string? HeardAboutUs { get; set; }

    public static IntakeForm From(MemberProfile profile, PeerCircleUser user)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(user);
        return new IntakeForm
        {
            JourneyRole = profile.JourneyRole is { } role ? EnumText.ToKebab(role) : null,
            CancerTypes = [.. profile.CancerTypes.Select(EnumText.ToKebab)],
            TreatmentPhase = profile.TreatmentPhase is { } phase ? EnumText.ToKebab(phase) : null,
            DateOfLoss = profile.DateOfLoss?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOfBirth = user.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = profile.Gender,
            Languages = [.. profile.Languages],
            PostalCode = profile.PostalCode,
            TravelMiles = profile.TravelMiles.ToString(CultureInfo.InvariantCulture),
            PreferredTime = EnumText.ToKebab(profile.PreferredTime),
            PreferredChannel = EnumText.ToKebab(profile.PreferredChannel),
            MayEmail = profile.MayEmail ? "true" : null,
            MayText = profile.MayText ? "true" : null,
            MayLeaveVoicemail = profile.MayLeaveVoicemail ? "true" : null,
            Phone = profile.Phone,
            AccessibilityNeeds = profile.AccessibilityNeeds,
            EmergencyContactName = profile.EmergencyContactName,
            EmergencyContactPhone = profile.EmergencyContactPhone,
            EmergencyContactRelationship = profile.EmergencyContactRelationship,
            HeardAboutUs = profile.HeardAboutUs is { } source ? EnumText.ToKebab(source) : null,
        };
    }
}

/// <summary>
/// Saves a member's intake: where they are in the cancer journey, how to reach them safely, and their emergency
/// contact. Every field is checked first; nothing is saved unless all of it is right.
/// </summary>
public sealed class SaveMemberProfile(
    PeerCircleDb db, ZipGazetteer zips, AuditTrail audit, Safety.Signals.SafetySignals signals, TimeProvider time, TextSender texts,
    IStringLocalizer<SharedResource> text)
{
    public static readonly IReadOnlyList<int> TravelChoices = [5, 10, 25, 50, 100];

    /// <summary>The safety signal the last saved intake raised, if its words gave one; the page shows crisis help at once for urgent.</summary>
    public Data.Safety.CasePriority? LastSignal { get; private set; }

    /// <summary>The member's profile, or a new one with friendly defaults (not yet saved).</summary>
    public async Task<MemberProfile> LoadAsync(string userId, CancellationToken cancellationToken) =>
        await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
        ?? new MemberProfile { UserId = userId };

    public async Task<Dictionary<string, string[]>> HandleAsync(PeerCircleUser user, IntakeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        if (!EnumText.TryParse<JourneyRole>(form.JourneyRole, out var role))
        {
            Fail("JourneyRole", text["Please choose what brings you here."]);
        }
        var cancerTypes = new List<CancerType>();
        foreach (var raw in form.CancerTypes ?? [])
        {
            if (!EnumText.TryParse<CancerType>(raw, out var type))
            {
                Fail("CancerTypes", text["Please choose cancer types from the list."]);
                break;
            }
            if (!cancerTypes.Contains(type))
            {
                cancerTypes.Add(type);
            }
        }
        if (cancerTypes.Count == 0 && !errors.ContainsKey("CancerTypes"))
        {
            Fail("CancerTypes", text["Please choose at least one type of cancer. Choose “Other cancers” if yours is not listed."]);
        }
        var hasPhase = EnumText.TryParse<TreatmentPhase>(form.TreatmentPhase, out var phase);
        if (role == JourneyRole.BereavedRelative && errors.GetValueOrDefault("JourneyRole") is null)
        {
            phase = TreatmentPhase.Bereaved;
            hasPhase = true;
        }
        if (!hasPhase)
        {
            Fail("TreatmentPhase", text["Please choose where you are right now. If you care for someone, choose where they are."]);
        }
        DateOnly? dateOfLoss = null;
        if (hasPhase && phase == TreatmentPhase.Bereaved)
        {
            if (!DateOnly.TryParseExact(form.DateOfLoss?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var loss)
                || loss > today || loss.Year < 1900)
            {
                Fail("DateOfLoss", text["Please enter the date your loved one died, as year-month-day. An estimate is fine."]);
            }
            else
            {
                dateOfLoss = loss;
            }
        }

        var dateOfBirth = user.DateOfBirth;
        if (dateOfBirth is null)
        {
            if (!DateOnly.TryParseExact(form.DateOfBirth?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
                || born.Year < 1900 || born > today)
            {
                Fail("DateOfBirth", text["Please enter your date of birth as year-month-day, like 1970-05-31."]);
            }
            else if (born.AddYears(18) > today)
            {
                Fail("DateOfBirth", text["PeerCircle groups are for adults aged 18 and over."]);
            }
            else
            {
                dateOfBirth = born;
            }
        }

        var gender = Clean(form.Gender);
        if (gender is { Length: > MemberLimits.GenderMax })
        {
            Fail("Gender", text["Please keep this under {0} characters.", MemberLimits.GenderMax]);
        }
        var languages = (form.Languages ?? []).Where(GroupLanguages.Names.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count == 0 || languages.Count != (form.Languages ?? []).Distinct(StringComparer.Ordinal).Count())
        {
            Fail("Languages", text["Please choose at least one language from the list."]);
        }
        var zip = Clean(form.PostalCode);
        if (zip is not null && (!ZipGazetteer.LooksLikeZip(zip) || !zips.TryFind(zip, out _)))
        {
            Fail("PostalCode", text["We don't recognise that ZIP code. Please check the 5 digits, or leave it empty."]);
        }
        if (!int.TryParse(form.TravelMiles, NumberStyles.None, CultureInfo.InvariantCulture, out var miles) || !TravelChoices.Contains(miles))
        {
            Fail("TravelMiles", text["Please choose how far you can travel from the list."]);
        }
        if (!EnumText.TryParse<TimeOfDayPreference>(form.PreferredTime, out var preferredTime))
        {
            Fail("PreferredTime", text["Please choose a time of day from the list."]);
        }

        var mayEmail = form.MayEmail == "true";
        var mayText = form.MayText == "true";
        var mayVoicemail = form.MayLeaveVoicemail == "true";
        var phone = Clean(form.Phone);
        if (phone is not null && !LooksLikePhone(phone))
        {
            Fail("Phone", text["Please enter a phone number with 10 to 15 digits, like 312 555 0142."]);
        }
        if (!EnumText.TryParse<ContactChannel>(form.PreferredChannel, out var channel))
        {
            Fail("PreferredChannel", text["Please choose how you would like us to reach you."]);
        }
        else if (channel == ContactChannel.Email && !mayEmail)
        {
            Fail("PreferredChannel", text["You chose e-mail, but also asked us not to e-mail you. Please tick “You may e-mail me” or choose another way."]);
        }
        else if (channel == ContactChannel.Text && !mayText)
        {
            Fail("PreferredChannel", text["You chose text messages, but also asked us not to text you. Please tick “You may text me” or choose another way."]);
        }
        if ((mayText || mayVoicemail || channel is ContactChannel.Text or ContactChannel.Phone) && phone is null && !errors.ContainsKey("Phone"))
        {
            Fail("Phone", text["Please add a phone number so we can text or call you, or untick those choices."]);
        }
        else if (mayText && phone is not null && !errors.ContainsKey("Phone") && texts.MobileNumber(phone) is null)
        {
            Fail("Phone", text["We cannot send texts to this number. Please give a mobile number, or untick “You may text me”."]);
        }

        var accessibility = Clean(form.AccessibilityNeeds);
        if (accessibility is { Length: > MemberLimits.AccessibilityMax })
        {
            Fail("AccessibilityNeeds", text["Please keep this under {0} characters.", MemberLimits.AccessibilityMax]);
        }

        var emergencyName = Clean(form.EmergencyContactName);
        var emergencyPhone = Clean(form.EmergencyContactPhone);
        var emergencyRelationship = Clean(form.EmergencyContactRelationship);
        if (emergencyName is not null || emergencyPhone is not null || emergencyRelationship is not null)
        {
            if (emergencyName is null || emergencyName.Length > MemberLimits.EmergencyNameMax)
            {
                Fail("EmergencyContactName", text["Please enter your emergency contact's name."]);
            }
            if (emergencyPhone is null || !LooksLikePhone(emergencyPhone))
            {
                Fail("EmergencyContactPhone", text["Please enter your emergency contact's phone number, with 10 to 15 digits."]);
            }
            if (emergencyRelationship is { Length: > MemberLimits.EmergencyRelationshipMax })
            {
                Fail("EmergencyContactRelationship", text["Please keep this under {0} characters.", MemberLimits.EmergencyRelationshipMax]);
            }
        }

        ReferralSource? heardAboutUs = null;
        if (!string.IsNullOrWhiteSpace(form.HeardAboutUs))
        {
            if (EnumText.TryParse<ReferralSource>(form.HeardAboutUs, out var source))
            {
                heardAboutUs = source;
            }
            else
            {
                Fail("HeardAboutUs", text["Please choose from the list, or leave it empty."]);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = user.Id };
            db.MemberProfiles.Add(profile);
        }
        profile.JourneyRole = role;
        profile.CancerTypes = cancerTypes;
        profile.TreatmentPhase = phase;
        profile.DateOfLoss = dateOfLoss;
        profile.Gender = gender;
        profile.Languages = languages;
        profile.PostalCode = zip;
        profile.TravelMiles = miles;
        profile.PreferredTime = preferredTime;
        profile.PreferredChannel = channel;
        profile.MayEmail = mayEmail;
        profile.MayText = mayText;
        profile.MayLeaveVoicemail = mayVoicemail;
        profile.Phone = phone;
        profile.AccessibilityNeeds = accessibility;
        profile.EmergencyContactName = emergencyName;
        profile.EmergencyContactPhone = emergencyPhone;
        profile.EmergencyContactRelationship = emergencyRelationship;
        profile.HeardAboutUs = heardAboutUs;
        profile.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;

        var tracked = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
        tracked.DateOfBirth = dateOfBirth;
        // The intake's own words go through the same check as everything else a member writes.
        LastSignal = await signals.TextAsync(user.Id, "intake", null, string.Join(" — ", new[] { gender, accessibility }.Where(t => !string.IsNullOrWhiteSpace(t))), cancellationToken);
        audit.StageChange(AuditActions.ProfileChanged, "Member", user.Id, "Intake saved");
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>True when the member has told us enough to recommend groups and to join one.</summary>
    public static bool IntakeComplete(MemberProfile? profile) =>
        profile is { JourneyRole: not null, TreatmentPhase: not null } && profile.CancerTypes.Count > 0;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool LooksLikePhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 10 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '+' or '.');
    }
}
