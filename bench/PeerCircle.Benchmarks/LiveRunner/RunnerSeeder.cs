using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;

namespace PeerCircle.Benchmarks.LiveRunner;

/// <summary>One bench member: the demo account, the name the runner shows, and the group page's slug.</summary>
public sealed record BenchMember(string Email, string DisplayName);

public sealed record RunnerGroup(Guid Id, string Name, string Slug, IReadOnlyList<BenchMember> Members, DateTime LocalStart, string TimeZoneId);

/// <summary>
/// Adds the scenario's group to the demo program the app seeded, through EF Core on the same SQLite file while the app
/// runs: a video group led by facilitator@demo.local with facilitator2@demo.local, whose weekly meeting began about
/// ten minutes ago (America/Chicago), and twelve accepted members with distinct display names.
/// </summary>
public static class RunnerSeeder
{
    public const string LeadEmail = "facilitator@demo.local";
    public const string CoEmail = "facilitator2@demo.local";
    public const string GroupName = "Bench Live Runner Circle";
    public const string GroupSlug = "bench-live-runner-circle";
    private const string ZoneId = "America/Chicago";

    /// <summary>member20 … member31; the demo's own display names repeat initials, so each gets a distinct one.</summary>
    private static readonly string[] Names =
    [
        "Ana R.", "Ben T.", "Carmen L.", "Dev P.", "Elena M.", "Frank O.",
        "Grace K.", "Hiro S.", "Imani W.", "Jorge V.", "Kate B.", "Luis D.",
    ];

    public static async Task<RunnerGroup> AddGroupAsync(string databasePath, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<PeerCircleDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={databasePath}");
        await using var db = new PeerCircleDb(options.Options);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        var now = DateTime.UtcNow;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
        var minute = local.Hour * 60 + local.Minute;
        // Began ten minutes ago; just after midnight it begins in a few minutes instead (the runner opens an hour early).
        var start = minute >= 10 ? minute - 10 : minute + 5;

        var lead = await db.Users.SingleAsync(u => u.Email == LeadEmail, cancellationToken);
        var co = await db.Users.SingleAsync(u => u.Email == CoEmail, cancellationToken);
        var members = Names.Select((name, i) => new BenchMember($"member{20 + i}@demo.local", name)).ToList();
        var emails = members.Select(m => m.Email).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.Email!)).ToListAsync(cancellationToken);
        if (users.Count != members.Count)
        {
            throw new InvalidOperationException($"Expected the demo accounts {emails[0]} … {emails[^1]}; found {users.Count} of {members.Count}.");
        }

        var id = Guid.NewGuid();
        var memberships = new List<GroupMembership>();
        foreach (var member in members)
        {
            var user = users.Single(u => u.Email == member.Email);
            user.DisplayName = member.DisplayName;
            memberships.Add(new GroupMembership
            {
                Id = Guid.NewGuid(), GroupId = id, UserId = user.Id, Status = MembershipStatus.Accepted, CreatedAtUtc = now,
            });
        }
        db.Groups.Add(new Group
        {
            Id = id, Name = GroupName, Slug = GroupSlug,
            Description = "A video group for the live meeting runner benchmark.",
            Audience = Audience.Mixed, GroupType = GroupType.OpenForum, Membership = MembershipPolicy.Open, Modality = Modality.Video,
            Language = "en", Status = GroupStatus.Active, Capacity = 14,
            Schedule = new MeetingSchedule
            {
                Frequency = Frequency.Weekly, DayOfWeek = local.DayOfWeek, StartMinuteOfDay = start, DurationMinutes = 90,
                TimeZoneId = ZoneId, StartsOn = DateOnly.FromDateTime(local).AddDays(-7),
            },
            Place = new MeetingPlace { MeetingLink = "https://meet.peercircle.example/bench-runner" },
            LeadFacilitatorId = lead.Id, CoFacilitatorId = co.Id, CreatedAtUtc = now, UpdatedAtUtc = now,
            Memberships = memberships,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new RunnerGroup(id, GroupName, GroupSlug, members, local.Date.AddMinutes(start), ZoneId);
    }
}
