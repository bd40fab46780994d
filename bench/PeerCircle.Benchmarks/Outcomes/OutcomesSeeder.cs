using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Data.Outcomes;
using PeerCircle.Data.Safety;
using PeerCircle.Data.Supervision;
using PeerCircle.Data.Training;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.Benchmarks.Outcomes;

public sealed record OutcomesDatabase(DatabaseProvider Provider, string ConnectionString, string Description);

public sealed record OutcomesSeedResult(
    OutcomesDatabase Database, TimeSpan Migrate, TimeSpan Insert, TimeSpan Analyze,
    IReadOnlyList<(string Table, long Rows)> Rows, long TotalRows, string? DatabaseSize);

/// <summary>
/// A program two years in: 50,000 members who joined groups led by ~5,000 facilitators in ~2,500 groups, their
/// attendance, safety cases and outside referrals, and for every member five instruments (the Peer Support Benefits
/// questionnaire and four others) at the four default time points: 1,000,000 survey responses, mostly completed, with
/// one score row per scale. Scores improve a little on average, with noise, and more with more meetings attended.
/// Everything is drawn from <c>--seed</c>, so runs compare; dates count back from today.
/// </summary>
public static class OutcomesSeeder
{
    public static readonly int[] TimePoints = [0, 56, 91, 182];
    public const int InstrumentCount = 5;
    public const int ResponsesPerMember = 5 * 4;

    public const string CoordinatorEmail = "bench-coordinator@bench.local";
    public const string CoordinatorPassword = "bench outcomes coordinator password";
    public const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static readonly string[] FirstNames =
    [
        "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Barbara", "David", "Elizabeth", "William",
        "Jennifer", "Carlos", "Susan", "Thomas", "Jessica", "Wei", "Sarah", "Ahmed", "Karen", "Daniel", "Nancy",
        "Luis", "Lisa", "Anthony", "Betty", "Kevin", "Ngoc", "Sandra", "Joseph", "Ashley", "Ji-woo", "Dorothy",
    ];

    private static readonly string[] LastNames =
    [
        "Garcia", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Nguyen", "Lee", "Kim", "Patel", "Okafor", "Chen",
    ];

    private static readonly string[] TimeZones =
        ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles"];

    /// <summary>Creates the database (dropping an earlier one) through the app's migrations.</summary>
    public static async Task<OutcomesDatabase> CreateDatabaseAsync(OutcomesOptions options, string workDir)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var path = options.SqliteFile ?? Path.Combine(workDir, "bench.db");
            if (options.Reuse && !File.Exists(path))
            {
                throw new FileNotFoundException($"--reuse: there is no database at {path}.", path);
            }
            if (!options.Reuse)
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
            return new OutcomesDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", path);
        }
        var server = new NpgsqlConnectionStringBuilder(options.PostgresConnection);
        var target = new NpgsqlConnectionStringBuilder(options.PostgresConnection) { Database = options.PostgresDatabase };
        var description = $"PostgreSQL database {options.PostgresDatabase} on {server.Host}:{server.Port}";
        if (options.Reuse)
        {
            return new OutcomesDatabase(DatabaseProvider.Postgres, target.ConnectionString, description);
        }
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{options.PostgresDatabase}\" WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{options.PostgresDatabase}\"");
        }
        return new OutcomesDatabase(DatabaseProvider.Postgres, target.ConnectionString, description);
    }

    /// <summary>Drops the PostgreSQL bench database (SQLite's file goes with the temporary folder).</summary>
    public static async Task DropDatabaseAsync(OutcomesOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(options.PostgresConnection);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{options.PostgresDatabase}\" WITH (FORCE)");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The bench's own statements and the operator's --db-sql.")]
    public static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, int timeoutSeconds = 600)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        await command.ExecuteNonQueryAsync();
    }

    public static PeerCircleDb OpenContext(OutcomesDatabase database)
    {
        var builder = new DbContextOptionsBuilder<PeerCircleDb>();
        DatabaseSetup.Configure(builder, database.Provider, database.ConnectionString);
        return new PeerCircleDb(builder.Options);
    }

    public static async Task<OutcomesSeedResult> SeedAsync(OutcomesDatabase database, OutcomesOptions options, ZipCentroids centroids, string repoRoot)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = OpenContext(database))
        {
            db.Database.SetCommandTimeout(600);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await db.Database.MigrateAsync();
        }
        var migrate = clock.Elapsed;
        Console.WriteLine($"  schema through the app's migrations in {migrate.TotalSeconds:F1} s");

        clock.Restart();
        var plan = new ProgramPlan(options, centroids, BenchInstruments.Load(repoRoot));
        var rows = new List<(string, long)>();
        IModel model;
        await using (var db = OpenContext(database))
        {
            model = db.Model;
        }
        await using (var writer = await BulkWriter.OpenAsync(database.Provider, database.ConnectionString, model))
        {
            async Task Write<T>(string name, IEnumerable<T> items) where T : class
            {
                var step = Stopwatch.StartNew();
                var count = await writer.WriteAsync(items);
                rows.Add((name, count));
                Console.WriteLine($"  {name,-22} {count,10:N0} rows in {step.Elapsed.TotalSeconds,6:F1} s");
            }
            await Write("AspNetRoles", plan.RoleRows());
            await Write("AspNetUsers", plan.Users());
            await Write("AspNetUserRoles", plan.UserRoles());
            await Write("AspNetUserTokens", plan.UserTokens());
            await Write("MemberProfiles", plan.Profiles());
            await Write("Groups", plan.Groups());
            await Write("GroupCancerFocus", plan.CancerFocus());
            await Write("GroupMemberships", plan.Memberships());
            await Write("MeetingAttendances", plan.Attendance());
            await Write("FacilitationPauses", plan.Pauses());
            var training = plan.Training(CurriculumLibrary.Load(Path.Combine(repoRoot, "content", "training")));
            await Write("ModuleAttempts", training.Attempts);
            await Write("CompetencyRatings", training.Ratings);
            await Write("RolePlaySignOffs", training.RolePlays);
            await Write("PolicySignatures", training.Signatures);
            await Write("EscalationCases", plan.Cases());
            await Write("SafetySignals", plan.Signals());
            await Write("Resources", plan.Resources());
            await Write("OutsideReferrals", plan.Referrals());
            await Write("Instruments", plan.InstrumentRows());
            await Write("SurveySchedulePoints", plan.SchedulePoints());
            await Write("SurveyResponses", plan.Responses());
            await Write("SurveyScores", plan.Scores());
            await writer.FinishAsync();
        }
        var insert = clock.Elapsed;

        clock.Restart();
        string? size = null;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // What autovacuum does by itself a minute after a load this size: statistics and the visibility map.
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, "VACUUM ANALYZE", 1200);
            await using var command = new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database()))", connection);
            size = (string?)await command.ExecuteScalarAsync();
        }
        else
        {
            SqliteCheckpoint(database.ConnectionString);
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            size = $"{new FileInfo(path).Length / (1024.0 * 1024):N0} MB";
        }
        var analyze = clock.Elapsed;
        return new OutcomesSeedResult(database, migrate, insert, analyze, rows, rows.Sum(r => r.Item2), size);
    }

    /// <summary>For <c>--reuse</c>: the row counts of the seeded database, no seeding.</summary>
    public static async Task<OutcomesSeedResult> DescribeAsync(OutcomesDatabase database)
    {
        await using var db = OpenContext(database);
        var rows = new List<(string, long)>
        {
            ("AspNetUsers", await db.Users.LongCountAsync()),
            ("MemberProfiles", await db.MemberProfiles.LongCountAsync()),
            ("Groups", await db.Groups.LongCountAsync()),
            ("GroupMemberships", await db.GroupMemberships.LongCountAsync()),
            ("MeetingAttendances", await db.MeetingAttendances.LongCountAsync()),
            ("SurveyResponses", await db.SurveyResponses.LongCountAsync()),
            ("SurveyScores", await db.SurveyScores.LongCountAsync()),
        };
        string? size = database.Provider == DatabaseProvider.Sqlite
            ? $"{new FileInfo(database.Description).Length / (1024.0 * 1024):N0} MB (reused)"
            : "reused";
        return new OutcomesSeedResult(database, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, rows, rows.Sum(r => r.Item2), size);
    }

    private static void SqliteCheckpoint(string connectionString)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    /// <summary>One member's life in the program, drawn up front; the tables are written from these.</summary>
    private sealed class MemberPlan
    {
        public required int Index { get; init; }
        public required string Id { get; init; }
        public required DateTime SignedUpUtc { get; init; }
        public required DateTime JoinedUtc { get; init; }
        public required int[] GroupIndexes { get; init; }
        public required DateTime[] Attended { get; init; }
        public required string Zip { get; init; }
        public required JourneyRole Role { get; init; }

        /// <summary>How much this member gains from the program, beyond dose (person-to-person variation).</summary>
        public required double Responsiveness { get; init; }
    }

    private sealed class GroupPlan
    {
        public required Guid Id { get; init; }
        public required Group Row { get; init; }
        public required string LeadId { get; init; }
    }

    private sealed class ProgramPlan
    {
        private readonly OutcomesOptions _options;
        private readonly DateTime _now = DateTime.UtcNow.Date;
        private readonly MemberPlan[] _members;
        private readonly GroupPlan[] _groups;
        private readonly string[] _facilitators;
        private readonly string[] _clinicians;
        private readonly string _coordinatorId;
        private readonly string _passwordHash;
        private readonly Dictionary<string, string[]> _zipsByPrefix;
        private readonly List<string> _allZips;
        private readonly Guid[] _resourceIds;
        private readonly Dictionary<string, string> _roleIds;
        private readonly IReadOnlyList<BenchInstrument> _instruments;

        public ProgramPlan(OutcomesOptions options, ZipCentroids centroids, IReadOnlyList<BenchInstrument> instruments)
        {
            _options = options;
            _instruments = instruments;
            var random = new Random(options.Seed);
            _allZips = centroids.Rows.Select(r => r.Zip).ToList();
            _zipsByPrefix = centroids.Rows.GroupBy(r => r.Zip[..3]).ToDictionary(g => g.Key, g => g.Select(r => r.Zip).ToArray());
            // Hubs: the three-digit ZIP areas where the program's in-person groups meet.
            var hubs = _zipsByPrefix.Where(p => p.Value.Length >= 8).Select(p => p.Key).OrderBy(_ => random.Next()).Take(300).ToArray();

            _roleIds = Roles.All.ToDictionary(r => r, r => NewGuid(random).ToString());
            _coordinatorId = NewGuid(random).ToString();
            var facilitatorCount = Math.Max(4, options.Members / 10);
            _facilitators = Enumerable.Range(0, facilitatorCount).Select(_ => NewGuid(random).ToString()).ToArray();
            _clinicians = Enumerable.Range(0, Math.Max(2, options.Members / 2000)).Select(_ => NewGuid(random).ToString()).ToArray();
            _resourceIds = Enumerable.Range(0, 60).Select(_ => NewGuid(random).ToString()).Select(Guid.Parse).ToArray();
            _passwordHash = new PasswordHasher<PeerCircleUser>().HashPassword(new PeerCircleUser(), CoordinatorPassword);

            var groupCount = Math.Max(2, options.Members / 20);
            _groups = new GroupPlan[groupCount];
            var created = _now.AddDays(-800);
            for (var g = 0; g < groupCount; g++)
            {
                var modality = Pick(random, (Modality.InPerson, 38), (Modality.Video, 27), (Modality.Hybrid, 15),
                    (Modality.Phone, 10), (Modality.OnlineText, 10));
                var audience = Pick(random, (Audience.Patients, 25), (Audience.Survivors, 25), (Audience.Caregivers, 20),
                    (Audience.Bereaved, 10), (Audience.Mixed, 20));
                var place = new MeetingPlace();
                if (modality is Modality.InPerson or Modality.Hybrid)
                {
                    var zips = _zipsByPrefix[hubs[g % hubs.Length]];
                    place = new MeetingPlace
                    {
                        VenueName = "Community Cancer Center",
                        AddressLine = $"{100 + random.Next(9800)} Main Street",
                        City = "Springfield",
                        PostalCode = zips[random.Next(zips.Length)],
                        MeetingLink = modality == Modality.Hybrid ? $"https://meet.example.org/bench-{g}" : null,
                    };
                    var point = centroids.Rows.First(r => r.Zip == place.PostalCode).Point;
                    place.Latitude = point.Latitude;
                    place.Longitude = point.Longitude;
                }
                else
                {
                    place.MeetingLink = modality == Modality.Phone ? null : $"https://meet.example.org/bench-{g}";
                    place.DialIn = modality == Modality.Phone ? "+1 555 0100 PIN 123456" : null;
                }
                var id = NewGuid(random);
                var lead = _facilitators[(2 * g) % _facilitators.Length];
                var co = _facilitators[((2 * g) + 1) % _facilitators.Length];
                var focus = Enum.GetValues<CancerType>()[random.Next(Enum.GetValues<CancerType>().Length)];
                var name = $"{audience} {(modality is Modality.InPerson or Modality.Hybrid ? "Circle" : "Online Circle")} {g + 1}";
                _groups[g] = new GroupPlan
                {
                    Id = id,
                    LeadId = lead,
                    Row = new Group
                    {
                        Id = id,
                        Name = name,
                        Slug = $"bench-group-{g + 1}",
                        Description = "We meet to share what helps and remind each other that nobody has to do this alone.",
                        Audience = audience,
                        CancerFocus = random.NextDouble() < 0.5 ? [new GroupCancerFocus { GroupId = id, CancerType = focus }] : [],
                        GroupType = Pick(random, (GroupType.Curriculum, 30), (GroupType.TopicFocused, 40), (GroupType.OpenForum, 30)),
                        Membership = random.NextDouble() < 0.7 ? MembershipPolicy.Open : MembershipPolicy.Closed,
                        Modality = modality,
                        Language = Pick(random, ("en", 80), ("es", 15), ("zh", 2), ("vi", 2), ("ko", 1)),
                        Capacity = 8 + random.Next(9),
                        Status = Pick(random, (GroupStatus.Recruiting, 40), (GroupStatus.Active, 45), (GroupStatus.Paused, 8), (GroupStatus.Closed, 7)),
                        Schedule = new MeetingSchedule
                        {
                            Frequency = Frequency.Weekly,
                            DayOfWeek = (DayOfWeek)random.Next(7),
                            StartMinuteOfDay = (9 * 60) + (30 * random.Next(22)),
                            DurationMinutes = 90,
                            TimeZoneId = TimeZones[random.Next(TimeZones.Length)],
                            StartsOn = DateOnly.FromDateTime(created.AddDays(random.Next(60))),
                        },
                        Place = place,
                        LeadFacilitatorId = lead,
                        CoFacilitatorId = co,
                        CreatedAtUtc = created,
                        UpdatedAtUtc = created,
                    },
                };
            }
            var inPerson = Enumerable.Range(0, groupCount).Where(g => _groups[g].Row.MeetsInPerson).ToArray();
            var remote = Enumerable.Range(0, groupCount).Where(g => !_groups[g].Row.MeetsInPerson).ToArray();

            _members = new MemberPlan[options.Members];
            for (var m = 0; m < options.Members; m++)
            {
                // The program grew: more sign-ups lately. 30–760 days ago.
                var daysAgo = 30 + (int)(730 * (1 - Math.Sqrt(random.NextDouble())));
                var signedUp = _now.AddDays(-daysAgo).AddMinutes(random.Next(24 * 60));
                var wait = Math.Min(90, -Math.Log(1 - random.NextDouble()) * 12);
                var joined = signedUp.AddDays(Math.Min(wait, daysAgo - 1));
                // Near an in-person group (70 %), or anywhere and online.
                int first;
                string zip;
                if (random.NextDouble() < 0.7 && inPerson.Length > 0)
                {
                    first = inPerson[random.Next(inPerson.Length)];
                    var prefixZips = _zipsByPrefix[_groups[first].Row.Place.PostalCode![..3]];
                    zip = random.NextDouble() < 0.85 ? prefixZips[random.Next(prefixZips.Length)] : _allZips[random.Next(_allZips.Count)];
                }
                else
                {
                    first = remote.Length > 0 ? remote[random.Next(remote.Length)] : random.Next(groupCount);
                    zip = _allZips[random.Next(_allZips.Count)];
                }
                var groupCountForMember = Pick(random, (1, 80), (2, 16), (3, 4));
                var groups = new List<int> { first };
                while (groups.Count < groupCountForMember)
                {
                    var other = random.Next(groupCount);
                    if (!groups.Contains(other))
                    {
                        groups.Add(other);
                    }
                }
                // Meetings attended: 0–30, skewed (many come a few times, some come every week).
                var meetings = random.NextDouble() < 0.12 ? 0 : Math.Min(30, (int)Math.Round(Math.Exp(1.8 + (0.8 * Normal(random)))));
                var weeksAvailable = Math.Max(0, (int)((_now - joined).TotalDays / 7));
                meetings = Math.Min(meetings, weeksAvailable);
                var span = Math.Min(weeksAvailable, Math.Max(meetings, (int)(meetings * 1.6) + 2));
                var weeks = Enumerable.Range(0, span).OrderBy(_ => random.Next()).Take(meetings).Order().ToArray();
                var attended = weeks.Select(w => joined.Date.AddDays(w * 7).AddHours(17 + random.Next(4))).ToArray();
                _members[m] = new MemberPlan
                {
                    Index = m,
                    Id = NewGuid(random).ToString(),
                    SignedUpUtc = signedUp,
                    JoinedUtc = joined,
                    GroupIndexes = [.. groups],
                    Attended = attended,
                    Zip = zip,
                    Role = Pick(random, (JourneyRole.PatientOrSurvivor, 62), (JourneyRole.Caregiver, 30), (JourneyRole.BereavedRelative, 8)),
                    Responsiveness = 0.4 * Normal(random),
                };
            }
        }

        /// <summary>A generator per member and purpose, the same in every process (unlike <see cref="HashCode"/>).</summary>
        private static Random MemberRandom(int seed, int member, int stream) => new(unchecked((seed * 1_000_003) + (member * 7919) + stream));

        public IEnumerable<IdentityRole> RoleRows() =>
            _roleIds.Select(r => new IdentityRole(r.Key) { Id = r.Value, NormalizedName = r.Key.ToUpperInvariant(), ConcurrencyStamp = r.Value });

        private PeerCircleUser User(string id, string email, string fullName, string displayName, DateTime created, Random random) => new()
        {
            Id = id,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = NewGuid(random).ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = NewGuid(random).ToString(),
            LockoutEnabled = true,
            FullName = fullName,
            DisplayName = displayName,
            TimeZoneId = TimeZones[random.Next(TimeZones.Length)],
            CreatedAtUtc = created,
        };

        public IEnumerable<PeerCircleUser> Users()
        {
            var random = new Random(_options.Seed + 1);
            var coordinator = User(_coordinatorId, CoordinatorEmail, "Bench Coordinator", "Bench C.", _now.AddDays(-800), random);
            coordinator.PasswordHash = _passwordHash;
            coordinator.TwoFactorEnabled = true;
            yield return coordinator;
            for (var f = 0; f < _facilitators.Length; f++)
            {
                var (full, display) = Name(random);
                yield return User(_facilitators[f], $"facilitator{f + 1}@bench.local", full, display, _now.AddDays(-800 + random.Next(500)), random);
            }
            for (var c = 0; c < _clinicians.Length; c++)
            {
                var (full, display) = Name(random);
                var clinician = User(_clinicians[c], $"clinician{c + 1}@bench.local", full, display, _now.AddDays(-800), random);
                clinician.TwoFactorEnabled = true;
                yield return clinician;
            }
            foreach (var member in _members)
            {
                var (full, display) = Name(random);
                var user = User(member.Id, $"member{member.Index + 1}@bench.local", full, display, member.SignedUpUtc, random);
                user.DateOfBirth = new DateOnly(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28));
                yield return user;
            }
        }

        public IEnumerable<IdentityUserRole<string>> UserRoles()
        {
            yield return new IdentityUserRole<string> { UserId = _coordinatorId, RoleId = _roleIds[Data.Accounts.Roles.Coordinator] };
            foreach (var f in _facilitators)
            {
                yield return new IdentityUserRole<string> { UserId = f, RoleId = _roleIds[Data.Accounts.Roles.Facilitator] };
            }
            foreach (var c in _clinicians)
            {
                yield return new IdentityUserRole<string> { UserId = c, RoleId = _roleIds[Data.Accounts.Roles.Clinician] };
            }
            foreach (var member in _members)
            {
                yield return new IdentityUserRole<string> { UserId = member.Id, RoleId = _roleIds[Data.Accounts.Roles.Member] };
            }
        }

        /// <summary>The coordinator's authenticator key, so the bench can sign in with a code as staff do.</summary>
        public IEnumerable<IdentityUserToken<string>> UserTokens()
        {
            yield return new IdentityUserToken<string>
            {
                UserId = _coordinatorId,
                LoginProvider = Web.Infrastructure.Demo.DemoProgram.AuthenticatorKeyProvider,
                Name = Web.Infrastructure.Demo.DemoProgram.AuthenticatorKeyName,
                Value = TotpSecret,
            };
        }

        public IEnumerable<MemberProfile> Profiles()
        {
            var random = new Random(_options.Seed + 2);
            var cancers = Enum.GetValues<CancerType>();
            foreach (var member in _members)
            {
                var first = Pick(random, (CancerType.Breast, 24), (CancerType.Prostate, 12), (CancerType.Lung, 11), (CancerType.Colorectal, 10),
                    (CancerType.Blood, 9), (CancerType.Gynecologic, 6), (CancerType.Skin, 5), (CancerType.Pancreatic, 4),
                    (CancerType.HeadAndNeck, 4), (CancerType.Brain, 3), (CancerType.Kidney, 3), (CancerType.Bladder, 3),
                    (CancerType.Sarcoma, 1), (CancerType.Childhood, 2), (CancerType.Other, 3));
                List<CancerType> types = random.NextDouble() < 0.1 ? [first, cancers[random.Next(cancers.Length)]] : [first];
                yield return new MemberProfile
                {
                    UserId = member.Id,
                    JourneyRole = member.Role,
                    CancerTypes = [.. types.Distinct()],
                    TreatmentPhase = member.Role == JourneyRole.BereavedRelative ? TreatmentPhase.Bereaved
                        : Pick(random, (TreatmentPhase.NewlyDiagnosed, 20), (TreatmentPhase.InTreatment, 35), (TreatmentPhase.FinishedTreatment, 35),
                            (TreatmentPhase.AdvancedOrMetastatic, 8), (TreatmentPhase.PalliativeOrHospice, 2)),
                    DateOfLoss = member.Role == JourneyRole.BereavedRelative ? DateOnly.FromDateTime(member.SignedUpUtc.AddDays(-random.Next(30, 700))) : null,
                    Languages = Pick(random, (0, 78), (1, 9), (2, 8), (3, 5)) switch
                    {
                        0 => ["en"],
                        1 => ["es"],
                        2 => ["en", "es"],
                        _ => [Pick(random, ("zh", 2), ("vi", 2), ("ko", 1), ("tl", 1), ("ar", 1))],
                    },
                    PostalCode = member.Zip,
                    TravelMiles = Pick(random, (10, 30), (25, 45), (50, 25)),
                    PreferredTime = (TimeOfDayPreference)random.Next(4),
                    PreferredChannel = Pick(random, (ContactChannel.Email, 70), (ContactChannel.Text, 20), (ContactChannel.Phone, 10)),
                    MayEmail = true,
                    MayText = random.NextDouble() < 0.4,
                    HeardAboutUs = (ReferralSource)random.Next(6),
                    UpdatedAtUtc = member.SignedUpUtc,
                };
            }
        }

        public IEnumerable<Group> Groups() => _groups.Select(g => g.Row);

        public IEnumerable<GroupCancerFocus> CancerFocus() => _groups.SelectMany(g => g.Row.CancerFocus);

        public IEnumerable<GroupMembership> Memberships()
        {
            var random = new Random(_options.Seed + 3);
            foreach (var member in _members)
            {
                for (var i = 0; i < member.GroupIndexes.Length; i++)
                {
                    var joined = i == 0 ? member.JoinedUtc : member.JoinedUtc.AddDays(random.Next(10, 200));
                    if (joined > _now)
                    {
                        joined = member.JoinedUtc;
                    }
                    var status = i == 0
                        ? Pick(random, (MembershipStatus.Accepted, 72), (MembershipStatus.Left, 22), (MembershipStatus.Paused, 6))
                        : Pick(random, (MembershipStatus.Accepted, 60), (MembershipStatus.Requested, 10), (MembershipStatus.Waitlisted, 10),
                            (MembershipStatus.Left, 15), (MembershipStatus.Declined, 5));
                    yield return new GroupMembership
                    {
                        Id = NewGuid(random),
                        GroupId = _groups[member.GroupIndexes[i]].Id,
                        UserId = member.Id,
                        Status = status,
                        CreatedAtUtc = joined.AddDays(-random.Next(0, 7)),
                        StatusChangedAtUtc = status == MembershipStatus.Left ? joined.AddDays(random.Next(14, 300)) : joined,
                        WaitlistedAtUtc = status == MembershipStatus.Waitlisted ? joined : null,
                        DecidedById = _groups[member.GroupIndexes[i]].LeadId,
                        ReferralSource = (ReferralSource)random.Next(6),
                    };
                }
            }
        }

        public IEnumerable<MeetingAttendance> Attendance()
        {
            var random = new Random(_options.Seed + 4);
            long id = 0;
            foreach (var member in _members)
            {
                var group = _groups[member.GroupIndexes[0]];
                foreach (var when in member.Attended)
                {
                    yield return new MeetingAttendance
                    {
                        Id = ++id,
                        GroupId = group.Id,
                        OccurrenceStartUtc = when,
                        UserId = member.Id,
                        Name = "Member",
                        Status = Pick(random, (AttendanceStatus.Present, 85), (AttendanceStatus.Late, 8), (AttendanceStatus.LeftEarly, 7)),
                        Via = group.Row.Modality switch
                        {
                            Modality.InPerson => AttendanceVia.InPerson,
                            Modality.Phone => AttendanceVia.Phone,
                            Modality.Hybrid => random.NextDouble() < 0.6 ? AttendanceVia.InPerson : AttendanceVia.Video,
                            _ => AttendanceVia.Video,
                        },
                        Turns = random.Next(0, 6),
                        SpokenSeconds = random.Next(0, 600),
                        Passes = random.Next(0, 2),
                        RecordedById = group.LeadId,
                        UpdatedAtUtc = when.AddHours(2),
                    };
                }
            }
        }

        public IEnumerable<FacilitationPause> Pauses()
        {
            var random = new Random(_options.Seed + 5);
            long id = 0;
            foreach (var f in _facilitators)
            {
                if (random.NextDouble() < 0.1)
                {
                    var paused = _now.AddDays(-random.Next(1, 400));
                    yield return new FacilitationPause
                    {
                        Id = ++id,
                        FacilitatorId = f,
                        Reason = "Taking a break to look after myself.",
                        PausedAtUtc = paused,
                        ResumedAtUtc = random.NextDouble() < 0.6 ? paused.AddDays(random.Next(7, 60)) : null,
                    };
                }
            }
        }

        /// <summary>
        /// The facilitator pipeline: three in four completed the curriculum (passed every required module, competencies
        /// signed off, two role-plays, current policies signed) at some point in the last 15 months, so some have
        /// lapsed and some expire soon; the rest are part-way through.
        /// </summary>
        public (List<ModuleAttempt> Attempts, List<CompetencyRating> Ratings, List<RolePlaySignOff> RolePlays, List<PolicySignature> Signatures) Training(
            CurriculumLibrary curriculum)
        {
            var random = new Random(_options.Seed + 10);
            var attempts = new List<ModuleAttempt>();
            var ratings = new List<CompetencyRating>();
            var rolePlays = new List<RolePlaySignOff>();
            var signatures = new List<PolicySignature>();
            var required = curriculum.Modules.Where(m => m.Required).ToList();
            foreach (var f in _facilitators)
            {
                var complete = random.NextDouble() < 0.75;
                var done = _now.AddDays(-random.Next(5, 460));
                var share = complete ? 1.0 : random.NextDouble();
                foreach (var module in required.Take((int)Math.Round(required.Count * share)))
                {
                    if (random.NextDouble() < 0.15)
                    {
                        attempts.Add(new ModuleAttempt
                        {
                            Id = attempts.Count + 1, UserId = f, ModuleSlug = module.Slug, ModuleVersion = module.Version,
                            Correct = 2, Questions = 5, Passed = false, AttemptedAtUtc = done.AddDays(-random.Next(20, 40)),
                        });
                    }
                    attempts.Add(new ModuleAttempt
                    {
                        Id = attempts.Count + 1, UserId = f, ModuleSlug = module.Slug, ModuleVersion = module.Version,
                        Correct = 5, Questions = 5, Passed = true, AttemptedAtUtc = done.AddDays(-random.Next(1, 20)),
                    });
                }
                if (!complete && random.NextDouble() < 0.7)
                {
                    continue;
                }
                foreach (var competency in curriculum.Competencies)
                {
                    ratings.Add(new CompetencyRating
                    {
                        Id = ratings.Count + 1, FacilitatorId = f, CompetencyKey = competency.Key,
                        SelfRating = 3, SelfRatedAtUtc = done.AddDays(-3), CoordinatorRating = complete ? 3 + random.Next(2) : 2,
                        SignedOffById = _coordinatorId, SignedOffAtUtc = done.AddDays(-1),
                    });
                }
                for (var r = 0; r < (complete ? 2 : 1); r++)
                {
                    rolePlays.Add(new RolePlaySignOff
                    {
                        Id = rolePlays.Count + 1, FacilitatorId = f, Scenario = "A member shares a hard update",
                        SignedOffById = _coordinatorId, SignedOffAtUtc = done.AddDays(-r - 1),
                    });
                }
                foreach (var policy in curriculum.Policies)
                {
                    signatures.Add(new PolicySignature
                    {
                        Id = signatures.Count + 1, UserId = f, PolicySlug = policy.Slug, PolicyVersion = policy.Version,
                        TextSha256 = new string('0', 64), TypedName = "Facilitator", SignedAtUtc = done,
                    });
                }
            }
            return (attempts, ratings, rolePlays, signatures);
        }

        private IEnumerable<(EscalationCase Case, SafetySignal Signal)> CaseRows()
        {
            var random = new Random(_options.Seed + 6);
            long id = 0;
            foreach (var member in _members)
            {
                if (random.NextDouble() >= 0.03)
                {
                    continue;
                }
                var priority = Pick(random, (CasePriority.Urgent, 10), (CasePriority.Priority, 30), (CasePriority.Routine, 60));
                var opened = member.JoinedUtc.AddDays(random.Next(0, Math.Max(1, (int)(_now - member.JoinedUtc).TotalDays)));
                var due = opened.AddHours(priority switch { CasePriority.Urgent => 1, CasePriority.Priority => 24, _ => 72 });
                var onTime = random.NextDouble() < 0.88;
                var acknowledged = onTime ? opened + ((due - opened) * random.NextDouble()) : due.AddHours(random.Next(1, 48));
                var clinician = _clinicians[random.Next(_clinicians.Length)];
                var resolved = opened < _now.AddDays(-14) || random.NextDouble() < 0.5;
                id++;
                var row = new EscalationCase
                {
                    Id = id,
                    MemberId = member.Id,
                    Priority = priority,
                    Status = resolved ? CaseStatus.Resolved : CaseStatus.Acknowledged,
                    OpenedAtUtc = opened,
                    DueAtUtc = due,
                    AssignedClinicianId = clinician,
                    AcknowledgedAtUtc = acknowledged,
                    AcknowledgedById = clinician,
                    ResolvedAtUtc = resolved ? acknowledged.AddDays(random.Next(1, 10)) : null,
                    ResolvedById = resolved ? clinician : null,
                    Outcome = resolved ? (CaseOutcome)random.Next(5) : null,
                };
                var signal = new SafetySignal
                {
                    Id = id,
                    CaseId = id,
                    MemberId = member.Id,
                    Kind = Pick(random, (SignalKind.CheckInDistress, 40), (SignalKind.RiskLanguage, 25), (SignalKind.FacilitatorConcern, 25),
                        (SignalKind.SafetyQuestion, 10)),
                    Priority = priority,
                    Source = "bench",
                    Explanation = "Seeded by the outcomes benchmark.",
                    RaisedAtUtc = opened,
                };
                yield return (row, signal);
            }
        }

        public IEnumerable<EscalationCase> Cases() => CaseRows().Select(c => c.Case);

        public IEnumerable<SafetySignal> Signals() => CaseRows().Select(c => c.Signal);

        public IEnumerable<Resource> Resources()
        {
            var random = new Random(_options.Seed + 7);
            for (var r = 0; r < _resourceIds.Length; r++)
            {
                yield return new Resource
                {
                    Id = _resourceIds[r],
                    Name = $"Bench resource {r + 1}",
                    Category = (ResourceCategory)(r % Enum.GetValues<ResourceCategory>().Length),
                    Description = "A resource seeded by the outcomes benchmark.",
                    Phone = "+1 555 0100",
                    HowToContact = "Call on weekdays.",
                    Area = AreaServed.National,
                    Languages = "en,es",
                    Cost = "Free",
                    Eligibility = "Anyone affected by cancer.",
                    LastReviewedOn = DateOnly.FromDateTime(_now.AddDays(-random.Next(300))),
                    CreatedAtUtc = _now.AddDays(-800),
                    UpdatedAtUtc = _now.AddDays(-100),
                };
            }
        }

        public IEnumerable<OutsideReferral> Referrals()
        {
            var random = new Random(_options.Seed + 8);
            long id = 0;
            foreach (var member in _members)
            {
                if (random.NextDouble() >= 0.06)
                {
                    continue;
                }
                var on = member.JoinedUtc.AddDays(random.Next(0, Math.Max(1, (int)(_now - member.JoinedUtc).TotalDays)));
                var outcome = on > _now.AddDays(-14)
                    ? ReferralOutcome.Pending
                    : Pick(random, (ReferralOutcome.Connected, 55), (ReferralOutcome.NotYet, 20), (ReferralOutcome.Declined, 10), (ReferralOutcome.Pending, 15));
                var resource = random.Next(_resourceIds.Length);
                yield return new OutsideReferral
                {
                    Id = ++id,
                    MemberId = member.Id,
                    ResourceId = _resourceIds[resource],
                    Need = (ResourceCategory)(resource % Enum.GetValues<ResourceCategory>().Length),
                    ReferredById = _groups[member.GroupIndexes[0]].LeadId,
                    ReferredOn = DateOnly.FromDateTime(on),
                    FollowUpOn = DateOnly.FromDateTime(on.AddDays(14)),
                    Outcome = outcome,
                    OutcomeAtUtc = outcome == ReferralOutcome.Pending ? null : on.AddDays(random.Next(3, 30)),
                    CreatedAtUtc = on,
                };
            }
        }

        public IEnumerable<Instrument> InstrumentRows()
        {
            for (var i = 0; i < _instruments.Count; i++)
            {
                var definition = _instruments[i].Definition;
                yield return new Instrument
                {
                    Id = i + 1,
                    Key = definition.Key,
                    Version = definition.Version,
                    Title = definition.Title,
                    Description = definition.Description,
                    QuestionnaireJson = _instruments[i].QuestionnaireJson,
                    ScoringJson = _instruments[i].ScoringJson,
                    Origin = i == 0 ? InstrumentOrigin.ProgramAuthored : InstrumentOrigin.Imported,
                    LicenseNote = i == 0 ? null : "Made up for the benchmark.",
                    Active = true,
                    ImportedById = i == 0 ? null : _coordinatorId,
                    CreatedAtUtc = _now.AddDays(-800),
                };
            }
        }

        public IEnumerable<SurveySchedulePoint> SchedulePoints()
        {
            string[] labels = ["Baseline", "8 weeks", "3 months", "6 months"];
            for (var i = 0; i < _instruments.Count; i++)
            {
                for (var t = 0; t < TimePoints.Length; t++)
                {
                    yield return new SurveySchedulePoint
                    {
                        Id = SchedulePointId(i, t),
                        InstrumentId = i + 1,
                        DaysAfterJoining = TimePoints[t],
                        Label = labels[t],
                        CreatedAtUtc = _now.AddDays(-800),
                    };
                }
            }
        }

        private static long SchedulePointId(int instrument, int timePoint) => (instrument * TimePoints.Length) + timePoint + 1;

        public IEnumerable<SurveyResponse> Responses() => Surveys(withAnswers: true).Select(s => s.Response);

        public IEnumerable<SurveyScore> Scores()
        {
            long id = 0;
            foreach (var (response, scores) in Surveys(withAnswers: false))
            {
                foreach (var score in scores)
                {
                    score.Id = ++id;
                    yield return score;
                }
            }
        }

        /// <summary>Every member's 20 surveys (5 instruments × 4 time points), the same on every call (per-member seeds).</summary>
        private IEnumerable<(SurveyResponse Response, List<SurveyScore> Scores)> Surveys(bool withAnswers)
        {
            var total = 0;
            var answers = new StringBuilder();
            var itemAnswers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            var baselineScores = new Dictionary<string, (double? Value, long ResponseId)>(StringComparer.Ordinal);
            foreach (var member in _members)
            {
                var random = MemberRandom(_options.Seed, member.Index, 9);
                for (var i = 0; i < _instruments.Count; i++)
                {
                    var instrument = _instruments[i];
                    // The member's starting point on each scale, and how much each follow-up moves it.
                    var baseline = instrument.Scales.Select(_ => Normal(random)).ToArray();
                    var higherIsBetter = instrument.Scales.Select(sc => sc.Rule.HigherIsBetter).ToArray();
                    // The completed baseline's scores, which each completed follow-up carries (as BaselinePairing writes them).
                    baselineScores.Clear();
                    for (var t = 0; t < TimePoints.Length; t++)
                    {
                        if (total >= _options.Responses)
                        {
                            yield break;
                        }
                        total++;
                        var days = TimePoints[t];
                        var due = member.JoinedUtc.AddDays(days);
                        var closes = due.AddDays(days == 0 ? 14 : 21);
                        var dose = member.Attended.Count(a => a < due.AddDays(3));
                        var completionChance = (days switch { 0 => 0.9, 56 => 0.72, 91 => 0.65, _ => 0.56 })
                            * (i == 0 ? 1 : 0.92) * (0.85 + (0.15 * Math.Min(dose, 10) / 10.0));
                        SurveyStatus status;
                        var roll = random.NextDouble();
                        if (due > _now)
                        {
                            status = SurveyStatus.Due;
                        }
                        else if (closes > _now)
                        {
                            status = roll < 0.4 ? SurveyStatus.Completed : roll < 0.55 ? SurveyStatus.InProgress : SurveyStatus.Due;
                        }
                        else
                        {
                            status = roll < completionChance ? SurveyStatus.Completed : roll < completionChance + 0.01 ? SurveyStatus.InProgress : SurveyStatus.Missed;
                        }
                        var completedAt = status == SurveyStatus.Completed
                            ? Min(due.AddDays(Math.Min(-Math.Log(1 - random.NextDouble()) * 3, days == 0 ? 13 : 20)).AddMinutes(random.Next(600)), _now.AddMinutes(-5))
                            : (DateTime?)null;
                        var meetings = completedAt is { } at ? member.Attended.Count(a => a < at) : (int?)null;
                        var weeks = completedAt is { } at2 ? member.Attended.Where(a => a < at2).Select(a => (int)((a - member.JoinedUtc.Date).TotalDays / 7)).Distinct().Count() : (int?)null;
                        var responseId = ((long)member.Index * ResponsesPerMember) + (i * TimePoints.Length) + t + 1;
                        var scores = new List<SurveyScore>();
                        answers.Clear().Append('{');
                        var itemsAnswered = 0;
                        if (status is SurveyStatus.Completed or SurveyStatus.InProgress)
                        {
                            var timeFactor = days switch { 0 => 0, 56 => 0.7, 91 => 0.9, _ => 1.0 };
                            itemAnswers.Clear();
                            for (var s = 0; s < instrument.Scales.Length; s++)
                            {
                                // In standard deviations: a small average gain, more with more meetings, noise on top.
                                var gain = timeFactor * (0.12 + (0.035 * Math.Min(meetings ?? 0, 16)) + (member.Responsiveness * 0.5));
                                var z = baseline[s] + (higherIsBetter[s] ? gain : -gain) + (t == 0 ? 0 : 0.55 * Normal(random));
                                foreach (var item in instrument.Scales[s].Items)
                                {
                                    if ((status == SurveyStatus.InProgress && random.NextDouble() < 0.5) || random.NextDouble() < 0.01)
                                    {
                                        continue; // not answered (yet)
                                    }
                                    var range = item.Max - item.Min;
                                    var centre = item.Min + (range * (0.5 + (0.18 * z)));
                                    var value = (int)Math.Clamp(Math.Round(centre + (range * 0.1 * Normal(random))), item.Min, item.Max);
                                    if (item.Reversed)
                                    {
                                        value = item.Max + item.Min - value;
                                    }
                                    itemsAnswered++;
                                    if (withAnswers)
                                    {
                                        answers.Append(answers.Length > 1 ? "," : "").Append(CultureInfo.InvariantCulture, $"\"{item.LinkId}\":{value}");
                                    }
                                    else
                                    {
                                        itemAnswers[item.LinkId] = AnswerValue.Of(value);
                                    }
                                }
                            }
                            if (status == SurveyStatus.Completed && !withAnswers)
                            {
                                // Scored by the app's own scorer, as a completed survey is.
                                foreach (var score in InstrumentScorer.Score(instrument.Definition, itemAnswers))
                                {
                                    var paired = days > 0 && baselineScores.TryGetValue(score.Scale, out var b) ? b : ((double? Value, long ResponseId)?)null;
                                    scores.Add(new SurveyScore
                                    {
                                        ResponseId = responseId,
                                        InstrumentId = i + 1,
                                        MemberId = member.Id,
                                        DaysAfterJoining = days,
                                        Scale = score.Scale,
                                        Value = score.Value,
                                        CompletedAtUtc = completedAt!.Value,
                                        MeetingsAttended = meetings,
                                        BaselineValue = paired?.Value,
                                        BaselineResponseId = paired?.ResponseId,
                                    });
                                    if (days == 0)
                                    {
                                        baselineScores[score.Scale] = (score.Value, responseId);
                                    }
                                }
                            }
                        }
                        answers.Append('}');
                        var response = new SurveyResponse
                        {
                            Id = responseId,
                            MemberId = member.Id,
                            InstrumentId = i + 1,
                            SchedulePointId = SchedulePointId(i, t),
                            DaysAfterJoining = days,
                            JoinedAtUtc = member.JoinedUtc,
                            DueAtUtc = due,
                            ClosesAtUtc = closes,
                            Status = status,
                            AnswersJson = withAnswers ? answers.ToString() : "{}",
                            ItemsAnswered = itemsAnswered,
                            StartedAtUtc = status is SurveyStatus.Completed or SurveyStatus.InProgress ? due.AddHours(random.Next(1, 48)) : null,
                            UpdatedAtUtc = completedAt ?? (status == SurveyStatus.InProgress ? due.AddHours(50) : null),
                            CompletedAtUtc = completedAt,
                            LastReminderAtUtc = due <= _now ? due.AddDays(3) : null,
                            Reminders = due <= _now ? random.Next(0, 3) : 0,
                            MeetingsAttended = meetings,
                            WeeksEngaged = weeks,
                        };
                        if (completedAt is { } started && response.StartedAtUtc > started)
                        {
                            response.StartedAtUtc = started.AddMinutes(-3);
                        }
                        yield return (response, scores);
                    }
                }
            }
        }

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }

    private static (string Full, string Display) Name(Random random)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        return ($"{first} {last}", $"{first} {last[0]}.");
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static T Pick<T>(Random random, params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        return choices[^1].Value;
    }
}
