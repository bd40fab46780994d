using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Training;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Infrastructure.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo program into an empty database (on by default in Development only).</summary>
    public bool Seed { get; set; }

    /// <summary>Password for every demo account; generated and printed once when empty.</summary>
    public string Password { get; set; } = "";

    /// <summary>Base32 TOTP secret for the demo staff; generated and printed once when empty.</summary>
    public string TotpSecret { get; set; } = "";
}

/// <summary>
/// A realistic demo program: staff, 40 members and 10 groups across audiences, modalities, cities and time zones.
/// It runs only against an empty database.
/// </summary>
public sealed class DemoProgram(
    PeerCircleDb db, UserManager<PeerCircleUser> users, ZipGazetteer gazetteer, CurriculumLibrary curriculum,
    FacilitatorCertification certification, TimeProvider time, ILogger<DemoProgram> logger)
{
    public const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";

    /// <summary>Seeds when the database has no people and no groups. Returns the credentials used, or null when it did nothing.</summary>
    public async Task<(string Password, string TotpSecret)?> SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await db.Users.AnyAsync(cancellationToken) || await db.Groups.AnyAsync(cancellationToken))
        {
            return null;
        }
        var password = options.Password.Length > 0 ? options.Password : GeneratePassword();
        var secret = options.TotpSecret.Length > 0 ? options.TotpSecret.ToUpperInvariant() : GenerateBase32Secret();
        // One hash serves every demo account: they share a password, and hashing 47 times at 210,000 rounds is slow.
        var hash = users.PasswordHasher.HashPassword(new PeerCircleUser(), password);
        var now = time.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        async Task<PeerCircleUser> Person(string email, string fullName, string displayName, string timeZone, string[] personRoles, bool twoFactor)
        {
            var user = new PeerCircleUser
            {
                UserName = email, Email = email, EmailConfirmed = true, PasswordHash = hash,
                FullName = fullName, DisplayName = displayName, TimeZoneId = timeZone,
                DateOfBirth = new DateOnly(1950 + (Math.Abs(email.GetHashCode(StringComparison.Ordinal)) % 50), 3, 14),
                CreatedAtUtc = now,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRolesAsync(user, personRoles));
            if (twoFactor)
            {
                Check(await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, secret));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            return user;
        }

        var coordinator = await Person("coordinator@demo.local", "Renee Washington", "Renee W.", "America/Chicago", [Roles.Coordinator], true);
        var facilitators = new List<PeerCircleUser>();
        for (var i = 0; i < Facilitators.Length; i++)
        {
            var (name, display, zone) = Facilitators[i];
            facilitators.Add(await Person(Numbered("facilitator", i), name, display, zone, [Roles.Facilitator], true));
        }
        for (var i = 0; i < Clinicians.Length; i++)
        {
            await Person(Numbered("clinician", i), Clinicians[i].Name, Clinicians[i].Display, "America/Chicago", [Roles.Clinician], true);
        }
        var members = new List<PeerCircleUser>();
        for (var i = 0; i < MemberNames.Length; i++)
        {
            var zone = GroupTimeZones.UnitedStates[i % 5].Id;
            var (first, last) = MemberNames[i];
            members.Add(await Person(Numbered("member", i), $"{first} {last}", $"{first} {last[0]}.", zone, [Roles.Member], false));
        }

        // Three facilitators finished training two months ago; the fourth nearly a year ago, so their refreshers are
        // coming due; the fifth is part-way through and has stalled.
        for (var i = 0; i < facilitators.Count; i++)
        {
            SeedTrainingRecord(facilitators[i], coordinator, i == 3 ? now.AddDays(-320) : now.AddDays(-60 - i), complete: i < 4);
        }
        await db.SaveChangesAsync(cancellationToken);

        var groups = DemoGroups(facilitators, now);
        // Seeding goes through the same gate as the group form: only certified facilitators lead groups.
        foreach (var leaderId in groups.SelectMany(g => new[] { g.LeadFacilitatorId, g.CoFacilitatorId }).OfType<string>().Distinct())
        {
            var status = await certification.StatusAsync(leaderId, cancellationToken);
            if (!status.MayLeadGroups)
            {
                throw new InvalidOperationException($"Demo seeding would assign an uncertified facilitator: {string.Join("; ", status.Missing)}");
            }
        }
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);

        // The main demo member belongs to two groups, so their page shows private meeting details.
        var memberships = new List<GroupMembership>
        {
            Membership(groups[0], members[0], MembershipStatus.Accepted, now),
            Membership(groups[1], members[0], MembershipStatus.Accepted, now),
        };
        for (var i = 1; i < members.Count; i++)
        {
            var status = i % 9 == 0 ? MembershipStatus.Waitlisted : i % 7 == 0 ? MembershipStatus.Requested : MembershipStatus.Accepted;
            memberships.Add(Membership(groups[i % groups.Count], members[i], status, now));
        }
        db.GroupMemberships.AddRange(memberships);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the demo program: {People} people, {Groups} groups.", 7 + members.Count, groups.Count);
        return (password, secret);
    }

    private List<Group> DemoGroups(List<PeerCircleUser> f, DateTime now)
    {
        var startsOn = DateOnly.FromDateTime(now).AddDays(-60);
        Group Make(string name, string description, Audience audience, CancerType[] focus, GroupType type,
            MembershipPolicy membership, Modality modality, string language, GroupStatus status,
            Frequency frequency, DayOfWeek day, int weekOfMonth, int hour, int minute, int duration, string zone,
            (string Venue, string Address, string City, string State, string Zip)? venue,
            PeerCircleUser lead, PeerCircleUser? coLead)
        {
            var id = Guid.NewGuid();
            var place = new MeetingPlace();
            if (venue is { } v)
            {
                gazetteer.TryFind(v.Zip, out var point);
                place = new MeetingPlace
                {
                    VenueName = v.Venue, AddressLine = v.Address, City = v.City, State = v.State, PostalCode = v.Zip,
                    Latitude = point.Latitude, Longitude = point.Longitude,
                };
            }
            if (modality is Modality.Video or Modality.Hybrid or Modality.OnlineText)
            {
                place.MeetingLink = $"https://meet.peercircle.example/{SaveGroup.Slugify(name)}";
            }
            if (modality is Modality.Phone)
            {
                place.DialIn = "+1 312 555 0142, access code 4471 92";
            }
            return new Group
            {
                Id = id, Name = name, Slug = SaveGroup.Slugify(name), Description = description, Audience = audience,
                CancerFocus = focus.Select(c => new GroupCancerFocus { GroupId = id, CancerType = c }).ToList(),
                GroupType = type, Membership = membership, Modality = modality, Language = language, Status = status,
                Capacity = 10,
                Schedule = new MeetingSchedule
                {
                    Frequency = frequency, DayOfWeek = day, WeekOfMonth = weekOfMonth, StartMinuteOfDay = (hour * 60) + minute,
                    DurationMinutes = duration, TimeZoneId = zone, StartsOn = startsOn,
                },
                Place = place, LeadFacilitatorId = lead.Id, CoFacilitatorId = coLead?.Id,
                CreatedAtUtc = now, UpdatedAtUtc = now,
            };
        }

        return
        [
            Make("Breast Cancer Survivors Circle", "A warm group for women and men who have finished treatment for breast cancer. We talk about life after treatment: fear of it coming back, body changes, work, and finding a new normal.",
                Audience.Survivors, [CancerType.Breast], GroupType.TopicFocused, MembershipPolicy.Open, Modality.InPerson, "en", GroupStatus.Active,
                Frequency.Weekly, DayOfWeek.Tuesday, 1, 18, 30, 90, "America/Chicago",
                ("Northwestern Community Room", "251 E Huron St", "Chicago", "IL", "60611"), f[0], f[1]),
            Make("Caregivers Evening Circle", "For partners, parents, children and friends caring for someone with any cancer. Bring what is on your mind; leave with ideas and people who get it.",
                Audience.Caregivers, [], GroupType.OpenForum, MembershipPolicy.Open, Modality.Video, "en", GroupStatus.Active,
                Frequency.Weekly, DayOfWeek.Wednesday, 1, 19, 0, 90, "America/New_York", null, f[1], null),
            Make("Newly Diagnosed: First Steps", "An eight-session series for people in their first months after a cancer diagnosis. Each week covers one topic, like talking with your care team, telling family, and coping with waiting.",
                Audience.Patients, [], GroupType.Curriculum, MembershipPolicy.Closed, Modality.Hybrid, "en", GroupStatus.Recruiting,
                Frequency.Biweekly, DayOfWeek.Thursday, 1, 17, 30, 90, "America/New_York",
                ("Longwood Family Center", "330 Brookline Ave", "Boston", "MA", "02215"), f[2], f[0]),
            Make("Grupo de Apoyo: Juntos", "Un grupo en español para pacientes, sobrevivientes y familias. Compartimos experiencias y apoyo en un ambiente de confianza.",
                Audience.Mixed, [], GroupType.OpenForum, MembershipPolicy.Open, Modality.InPerson, "es", GroupStatus.Active,
                Frequency.Weekly, DayOfWeek.Saturday, 1, 10, 0, 90, "America/Chicago",
                ("Centro Comunitario Esperanza", "6565 Fannin St", "Houston", "TX", "77030"), f[3], null),
            Make("After Loss: Bereavement Group", "For people whose partner, parent, child or friend died of cancer. A gentle place to talk about grief, memories and the days that are hard.",
                Audience.Bereaved, [], GroupType.TopicFocused, MembershipPolicy.Closed, Modality.InPerson, "en", GroupStatus.Active,
                Frequency.Monthly, DayOfWeek.Monday, 2, 18, 0, 120, "America/Los_Angeles",
                ("Capitol Hill Library, Meeting Room B", "425 Harvard Ave E", "Seattle", "WA", "98102"), f[2], f[3]),
            Make("Prostate Cancer Phone Group", "A call-in group for men living with prostate cancer, at any stage. Join from anywhere with a phone; no computer needed.",
                Audience.Patients, [CancerType.Prostate], GroupType.OpenForum, MembershipPolicy.Open, Modality.Phone, "en", GroupStatus.Active,
                Frequency.Weekly, DayOfWeek.Monday, 1, 10, 0, 60, "America/Denver", null, f[3], null),
            Make("Living with Advanced Cancer", "For people living with metastatic or advanced cancer. We talk honestly about treatment choices, hope, family, and making the most of each day.",
                Audience.Patients, [CancerType.Breast, CancerType.Lung, CancerType.Colorectal], GroupType.TopicFocused, MembershipPolicy.Closed, Modality.Video, "en", GroupStatus.Active,
                Frequency.Weekly, DayOfWeek.Thursday, 1, 13, 0, 90, "America/Los_Angeles", null, f[0], f[2]),
            Make("Young Adult Survivors Chat", "A written chat room for survivors in their 20s and 30s. Type at your own pace about school, dating, fertility, money and friends.",
                Audience.Survivors, [], GroupType.OpenForum, MembershipPolicy.Open, Modality.OnlineText, "en", GroupStatus.Recruiting,
                Frequency.Biweekly, DayOfWeek.Sunday, 1, 20, 0, 60, "America/New_York", null, f[1], null),
            Make("Lung Cancer Support Atlanta", "Patients and family members affected by lung cancer meet to share practical tips and support, including about stigma and breathing worries.",
                Audience.Mixed, [CancerType.Lung], GroupType.OpenForum, MembershipPolicy.Open, Modality.InPerson, "en", GroupStatus.Active,
                Frequency.Biweekly, DayOfWeek.Tuesday, 1, 11, 0, 90, "America/New_York",
                ("Midtown Wellness House", "550 Peachtree St NE", "Atlanta", "GA", "30308"), f[3], f[1]),
            Make("Blood Cancer Caregivers Phoenix", "For caregivers of people with leukemia, lymphoma or myeloma, including during transplant. Meet in person or join by video.",
                Audience.Caregivers, [CancerType.Blood], GroupType.TopicFocused, MembershipPolicy.Open, Modality.Hybrid, "en", GroupStatus.Recruiting,
                Frequency.Monthly, DayOfWeek.Wednesday, -1, 18, 0, 90, "America/Phoenix",
                ("Banner Health Education Center", "1111 E McDowell Rd", "Phoenix", "AZ", "85006"), f[0], null),
        ];
    }

    private void SeedTrainingRecord(PeerCircleUser facilitator, PeerCircleUser coordinator, DateTime finishedAt, bool complete)
    {
        var modules = curriculum.Modules.Where(m => m.Required).ToList();
        for (var i = 0; i < modules.Count; i++)
        {
            if (!complete && i >= modules.Count / 2)
            {
                break;
            }
            var module = modules[i];
            db.ModuleAttempts.Add(new ModuleAttempt
            {
                UserId = facilitator.Id, ModuleSlug = module.Slug, ModuleVersion = module.Version,
                Correct = module.Quiz.Count, Questions = module.Quiz.Count, Passed = true,
                AttemptedAtUtc = finishedAt.AddDays(-modules.Count + i),
            });
        }
        if (!complete)
        {
            return;
        }
        foreach (var competency in curriculum.Competencies)
        {
            db.CompetencyRatings.Add(new CompetencyRating
            {
                FacilitatorId = facilitator.Id, CompetencyKey = competency.Key,
                SelfRating = 3, SelfRatedAtUtc = finishedAt.AddDays(-3),
                CoordinatorRating = 3, SignedOffById = coordinator.Id, SignedOffAtUtc = finishedAt,
            });
        }
        db.RolePlaySignOffs.AddRange(
            new RolePlaySignOff { FacilitatorId = facilitator.Id, Scenario = "A disclosure of suicidal thoughts", SignedOffById = coordinator.Id, SignedOffAtUtc = finishedAt.AddDays(-7) },
            new RolePlaySignOff { FacilitatorId = facilitator.Id, Scenario = "A member dominating the group", SignedOffById = coordinator.Id, SignedOffAtUtc = finishedAt.AddDays(-7) });
        foreach (var policy in curriculum.Policies)
        {
            db.PolicySignatures.Add(new PolicySignature
            {
                UserId = facilitator.Id, PolicySlug = policy.Slug, PolicyVersion = policy.Version,
                TextSha256 = PolicyText.Sha256(policy), TypedName = facilitator.FullName, SignedAtUtc = finishedAt.AddDays(-1),
            });
        }
    }

    private static GroupMembership Membership(Group group, PeerCircleUser user, MembershipStatus status, DateTime now) =>
        new() { Id = Guid.NewGuid(), GroupId = group.Id, UserId = user.Id, Status = status, CreatedAtUtc = now };

    /// <summary>facilitator@demo.local, then facilitator2@demo.local and so on.</summary>
    public static string Numbered(string role, int index) => index == 0 ? $"{role}@demo.local" : $"{role}{index + 1}@demo.local";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string GeneratePassword() => "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string GenerateBase32Secret()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return new string(RandomNumberGenerator.GetItems<char>(alphabet, 32));
    }

    private static readonly (string Name, string Display, string Zone)[] Facilitators =
    [
        ("Dana Okafor", "Dana O.", "America/Chicago"),
        ("Luis Herrera", "Luis H.", "America/New_York"),
        ("Margaret Chen", "Margaret C.", "America/Los_Angeles"),
        ("Tom Becker", "Tom B.", "America/Denver"),
        ("Aisha Rahman", "Aisha R.", "America/New_York"),
    ];

    private static readonly (string Name, string Display)[] Clinicians =
    [
        ("Dr. Priya Natarajan, LCSW", "Priya N."),
        ("James Whitfield, RN", "James W."),
    ];

    private static readonly (string First, string Last)[] MemberNames =
    [
        ("Maria", "Gonzalez"), ("James", "Carter"), ("Linda", "Nguyen"), ("Robert", "Johnson"), ("Patricia", "Kim"),
        ("Michael", "Brown"), ("Jennifer", "Lopez"), ("William", "Davis"), ("Elizabeth", "Wilson"), ("David", "Martinez"),
        ("Barbara", "Anderson"), ("Richard", "Thomas"), ("Susan", "Taylor"), ("Joseph", "Moore"), ("Jessica", "Jackson"),
        ("Thomas", "Martin"), ("Sarah", "Lee"), ("Charles", "Perez"), ("Karen", "Thompson"), ("Daniel", "White"),
        ("Nancy", "Harris"), ("Matthew", "Sanchez"), ("Lisa", "Clark"), ("Anthony", "Ramirez"), ("Betty", "Lewis"),
        ("Mark", "Robinson"), ("Sandra", "Walker"), ("Steven", "Young"), ("Ashley", "Allen"), ("Paul", "King"),
        ("Kimberly", "Wright"), ("Andrew", "Scott"), ("Donna", "Torres"), ("Joshua", "Hill"), ("Michelle", "Flores"),
        ("Kenneth", "Green"), ("Carol", "Adams"), ("Kevin", "Nelson"), ("Amanda", "Baker"), ("Brian", "Hall"),
    ];
}

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemoProgram(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>()
            .BindConfiguration("Demo")
            .Validate(o => o.Password.Length is 0 or >= 12, "Demo:Password must be at least 12 characters (or empty to generate one).")
            .Validate(o => o.TotpSecret.Length == 0 || o.TotpSecret.All(c => char.IsAsciiLetter(c) || c is >= '2' and <= '7'),
                "Demo:TotpSecret must be base32 (letters A-Z and digits 2-7).")
            .ValidateOnStart();
        builder.Services.AddScoped<DemoProgram>();
        return builder;
    }

    /// <summary>Creates the roles, and seeds the demo program when <c>Demo:Seed</c> is on and the database is empty.</summary>
    public static async Task SeedDemoProgramAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoProgram>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (!options.Seed)
        {
            return;
        }
        var seeded = await demo.SeedAsync(options, CancellationToken.None);
        if (seeded is { } credentials)
        {
            Console.WriteLine();
            Console.WriteLine("Demo program seeded. Sign in at /account/login with any of:");
            Console.WriteLine("  coordinator@demo.local, facilitator@demo.local (facilitator2..5), clinician@demo.local (clinician2),");
            Console.WriteLine("  member@demo.local (member2..40)");
            Console.WriteLine($"  Password: {credentials.Password}{(options.Password.Length == 0 ? "   (generated; set Demo:Password to choose one)" : "")}");
            Console.WriteLine($"  Staff authenticator secret (TOTP, base32): {credentials.TotpSecret}{(options.TotpSecret.Length == 0 ? "   (generated; set Demo:TotpSecret)" : "")}");
            Console.WriteLine("  Add the secret to any authenticator app to get the 6-digit codes staff need.");
            Console.WriteLine();
        }
    }
}
