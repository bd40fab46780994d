using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;

namespace PeerCircle.Data.Members;

/// <summary>
/// What a member tells the program about themselves at intake: where they are in the cancer journey, how to reach
/// them safely, and who to call in an emergency. One per member; erased when the member deletes their account.
/// </summary>
public class MemberProfile
{
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }

    public JourneyRole? JourneyRole { get; set; }

    [PersonalData]
    public List<CancerType> CancerTypes { get; set; } = [];
    public TreatmentPhase? TreatmentPhase { get; set; }

    /// <summary>For bereaved relatives: when the person died. Grief check-ins are offered from six months after.</summary>
    [PersonalData]
    public DateOnly? DateOfLoss { get; set; }

    /// <summary>Optional, in the member's own words.</summary>
    [PersonalData]
    public string? Gender { get; set; }

    /// <summary>Language codes the member is comfortable in, e.g. "en", "es".</summary>
    public List<string> Languages { get; set; } = ["en"];

    [PersonalData]
    public string? PostalCode { get; set; }

    /// <summary>How far the member will travel to an in-person group.</summary>
    public int TravelMiles { get; set; } = 25;
    public TimeOfDayPreference PreferredTime { get; set; } = TimeOfDayPreference.Any;

    public ContactChannel PreferredChannel { get; set; } = ContactChannel.Email;
    public bool MayEmail { get; set; } = true;
    public bool MayText { get; set; }
    public bool MayLeaveVoicemail { get; set; }

    [PersonalData]
    public string? Phone { get; set; }

    [PersonalData]
    public string? AccessibilityNeeds { get; set; }

    [PersonalData]
    public string? EmergencyContactName { get; set; }

    [PersonalData]
    public string? EmergencyContactPhone { get; set; }

    [PersonalData]
    public string? EmergencyContactRelationship { get; set; }

    public ReferralSource? HeardAboutUs { get; set; }

    /// <summary>SHA-256 of the secret in the member's personal calendar link; null when they have none.</summary>
    public string? CalendarFeedTokenHash { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public bool HasEmergencyContact =>
        !string.IsNullOrWhiteSpace(EmergencyContactName) && !string.IsNullOrWhiteSpace(EmergencyContactPhone);
}

public enum JourneyRole { PatientOrSurvivor, Caregiver, BereavedRelative }

public enum TreatmentPhase { NewlyDiagnosed, InTreatment, FinishedTreatment, AdvancedOrMetastatic, PalliativeOrHospice, Bereaved }

public enum ContactChannel { Email, Text, Phone }

public enum TimeOfDayPreference { Any, Morning, Afternoon, Evening }

/// <summary>How someone heard about a group; recorded from shared links and asked at sign-up.</summary>
public enum ReferralSource { Oncologist, SocialWorker, Flyer, Friend, Online, Other }

public static class MemberLimits
{
    public const int GenderMax = 60;
    public const int PhoneMax = 32;
    public const int AccessibilityMax = 1000;
    public const int EmergencyNameMax = 120;
    public const int EmergencyRelationshipMax = 60;
}

internal sealed class MemberProfileConfiguration : IEntityTypeConfiguration<MemberProfile>
{
    public void Configure(EntityTypeBuilder<MemberProfile> profile)
    {
        profile.HasKey(p => p.UserId);
        profile.HasOne(p => p.User).WithOne().HasForeignKey<MemberProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.JourneyRole).HasConversion<string>().HasMaxLength(24);
        profile.Property(p => p.TreatmentPhase).HasConversion<string>().HasMaxLength(24);
        profile.Property(p => p.PreferredChannel).HasConversion<string>().HasMaxLength(10);
        profile.Property(p => p.PreferredTime).HasConversion<string>().HasMaxLength(10);
        profile.Property(p => p.HeardAboutUs).HasConversion<string>().HasMaxLength(16);
        profile.PrimitiveCollection(p => p.CancerTypes).ElementType(e => e.HasConversion<string>());
        profile.PrimitiveCollection(p => p.Languages);
        profile.Property(p => p.Gender).HasMaxLength(MemberLimits.GenderMax);
        profile.Property(p => p.PostalCode).HasMaxLength(5);
        profile.Property(p => p.Phone).HasMaxLength(MemberLimits.PhoneMax);
        profile.Property(p => p.AccessibilityNeeds).HasMaxLength(MemberLimits.AccessibilityMax);
        profile.Property(p => p.EmergencyContactName).HasMaxLength(MemberLimits.EmergencyNameMax);
        profile.Property(p => p.EmergencyContactPhone).HasMaxLength(MemberLimits.PhoneMax);
        profile.Property(p => p.EmergencyContactRelationship).HasMaxLength(MemberLimits.EmergencyRelationshipMax);
        profile.Property(p => p.CalendarFeedTokenHash).HasMaxLength(64);
        profile.HasIndex(p => p.CalendarFeedTokenHash).IsUnique();
    }
}
