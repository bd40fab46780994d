using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Accounts;

internal sealed class PeerCircleUserConfiguration : IEntityTypeConfiguration<PeerCircleUser>
{
    public void Configure(EntityTypeBuilder<PeerCircleUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(AccountLimits.NameMax);
        user.Property(u => u.DisplayName).HasMaxLength(AccountLimits.DisplayNameMax);
        user.Property(u => u.TimeZoneId).HasMaxLength(64);
    }
}

/// <summary>Field limits shared by the database schema and form validation.</summary>
public static class AccountLimits
{
    public const int NameMax = 100;
    public const int DisplayNameMax = 40;
    public const int MinimumAge = 18;
}
