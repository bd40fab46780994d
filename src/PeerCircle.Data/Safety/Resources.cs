using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Safety;

public enum ResourceCategory
{
    Counseling, GriefSupport, FinancialHelp, Transportation, Lodging, Legal, Nutrition, CaregiverRespite,
    HospicePalliative, CrisisLine, SupportOrganization,
}

public enum AreaServed { National, State, Radius }

/// <summary>
/// A service outside the program that members can be referred to, shaped to map onto the Open Referral HSDS
/// (organization, service, phone, service area, language, fees, eligibility).
/// </summary>
public class Resource
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Organization { get; set; }
    public ResourceCategory Category { get; set; }
    public string Description { get; set; } = "";
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }

    /// <summary>How to reach it in plain words: hours, what to say, text or call.</summary>
    public string HowToContact { get; set; } = "";
    public AreaServed Area { get; set; }

    /// <summary>Two-letter states served, separated by commas, when <see cref="Area"/> is State.</summary>
    public string? States { get; set; }
    public string? PostalCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? RadiusMiles { get; set; }

    /// <summary>Language codes (en, es, …), separated by commas.</summary>
    public string Languages { get; set; } = "en";
    public string Cost { get; set; } = "";
    public string Eligibility { get; set; } = "";
    public DateOnly LastReviewedOn { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

public enum ReferralOutcome { Pending, Connected, NotYet, Declined }

/// <summary>An outside referral a facilitator (or clinician) made for a member, and later how it went.</summary>
public class OutsideReferral
{
    public long Id { get; set; }
    public string MemberId { get; set; } = "";
    public PeerCircleUser? Member { get; set; }
    public Guid ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public ResourceCategory Need { get; set; }
    public string ReferredById { get; set; } = "";
    public DateOnly ReferredOn { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public ReferralOutcome Outcome { get; set; }
    public DateTime? OutcomeAtUtc { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A resource a facilitator sent to a member through PeerCircle, shown on the member's page.</summary>
public class ResourceShare
{
    public long Id { get; set; }
    public string MemberId { get; set; } = "";
    public PeerCircleUser? Member { get; set; }
    public Guid ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public string SentById { get; set; } = "";
    public string? Message { get; set; }
    public DateTime SentAtUtc { get; set; }
    public DateTime? SeenAtUtc { get; set; }
}

internal sealed class ResourceConfiguration :
    IEntityTypeConfiguration<Resource>, IEntityTypeConfiguration<OutsideReferral>, IEntityTypeConfiguration<ResourceShare>
{
    public void Configure(EntityTypeBuilder<Resource> resource)
    {
        resource.Property(r => r.Name).HasMaxLength(200);
        resource.Property(r => r.Organization).HasMaxLength(200);
        resource.Property(r => r.Category).HasConversion<string>().HasMaxLength(24);
        resource.Property(r => r.Description).HasMaxLength(2000);
        resource.Property(r => r.Phone).HasMaxLength(40);
        resource.Property(r => r.Website).HasMaxLength(300);
        resource.Property(r => r.Email).HasMaxLength(200);
        resource.Property(r => r.HowToContact).HasMaxLength(1000);
        resource.Property(r => r.Area).HasConversion<string>().HasMaxLength(10);
        resource.Property(r => r.States).HasMaxLength(200);
        resource.Property(r => r.PostalCode).HasMaxLength(10);
        resource.Property(r => r.Languages).HasMaxLength(100);
        resource.Property(r => r.Cost).HasMaxLength(300);
        resource.Property(r => r.Eligibility).HasMaxLength(1000);
        resource.HasIndex(r => new { r.Category, r.Active });
        resource.HasIndex(r => r.LastReviewedOn);
    }

    public void Configure(EntityTypeBuilder<OutsideReferral> referral)
    {
        referral.Property(r => r.MemberId).HasMaxLength(64);
        referral.Property(r => r.Need).HasConversion<string>().HasMaxLength(24);
        referral.Property(r => r.ReferredById).HasMaxLength(64);
        referral.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(10);
        referral.Property(r => r.Note).HasMaxLength(1000);
        referral.HasIndex(r => r.MemberId);
        referral.HasIndex(r => r.ReferredOn);
        referral.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        referral.HasOne(r => r.Resource).WithMany().HasForeignKey(r => r.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ResourceShare> share)
    {
        share.Property(s => s.MemberId).HasMaxLength(64);
        share.Property(s => s.SentById).HasMaxLength(64);
        share.Property(s => s.Message).HasMaxLength(500);
        share.HasIndex(s => s.MemberId);
        share.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        share.HasOne(s => s.Resource).WithMany().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
