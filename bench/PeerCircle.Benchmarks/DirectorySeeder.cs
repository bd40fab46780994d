using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Benchmarks;

public sealed record SeedResult(
    int Groups, int Searchable, int InPerson, int Hybrid, int Remote, int CancerFocusRows,
    IReadOnlyList<string> PopulatedZips, IReadOnlyList<string> MetroZips, TimeSpan Elapsed);

/// <summary>
/// Creates the database through the app's own migrations and fills it with a realistic directory: a mix of
/// audiences, cancer focus, modalities, languages, days and times; mostly recruiting or active; in-person and
/// hybrid groups placed at real ZIP centroids, most of them around large metro areas, the rest spread out.
/// </summary>
public static class DirectorySeeder
{
    /// <summary>Large US metros by ZIP and name, biggest first; groups cluster around them as real programs do.</summary>
    private static readonly (string Zip, string City)[] Metros =
    [
        ("10001", "New York"), ("90012", "Los Angeles"), ("60614", "Chicago"), ("75201", "Dallas"),
        ("77002", "Houston"), ("20001", "Washington"), ("19103", "Philadelphia"), ("33130", "Miami"),
        ("30303", "Atlanta"), ("02108", "Boston"), ("85004", "Phoenix"), ("94102", "San Francisco"),
        ("92501", "Riverside"), ("48226", "Detroit"), ("98101", "Seattle"), ("55401", "Minneapolis"),
        ("92101", "San Diego"), ("33602", "Tampa"), ("80202", "Denver"), ("63101", "St. Louis"),
        ("21202", "Baltimore"), ("28202", "Charlotte"), ("32801", "Orlando"), ("78205", "San Antonio"),
        ("97204", "Portland"), ("95814", "Sacramento"), ("15222", "Pittsburgh"), ("89101", "Las Vegas"),
        ("45202", "Cincinnati"), ("78701", "Austin"), ("64106", "Kansas City"), ("43215", "Columbus"),
        ("46204", "Indianapolis"), ("44113", "Cleveland"), ("95113", "San Jose"), ("37203", "Nashville"),
        ("23510", "Norfolk"), ("02903", "Providence"), ("53202", "Milwaukee"), ("32202", "Jacksonville"),
        ("73102", "Oklahoma City"), ("27601", "Raleigh"), ("38103", "Memphis"), ("23219", "Richmond"),
        ("70112", "New Orleans"), ("40202", "Louisville"), ("84101", "Salt Lake City"), ("06103", "Hartford"),
        ("14202", "Buffalo"), ("35203", "Birmingham"), ("87102", "Albuquerque"), ("85701", "Tucson"),
        ("96813", "Honolulu"), ("99501", "Anchorage"), ("00901", "San Juan"), ("59101", "Billings"),
        ("83702", "Boise"), ("57104", "Sioux Falls"), ("58102", "Fargo"), ("04101", "Portland"),
    ];

    private static readonly string[] Towns =
    [
        "Springfield", "Riverside", "Fairview", "Greenville", "Madison", "Clinton", "Franklin", "Georgetown",
        "Salem", "Ashland", "Milford", "Oxford", "Dover", "Lebanon", "Hudson", "Marion", "Jackson", "Newport",
    ];

    private static readonly string[] Venues =
    [
        "Community Cancer Center", "St. Luke's Hospital, Conference Room B", "Public Library, Meeting Room 2",
        "First Methodist Church Fellowship Hall", "YMCA Wellness Room", "Cancer Support House",
        "Regional Medical Center, Education Wing", "Senior Center", "Community Health Clinic", "Hospice Family Room",
    ];

    private static readonly string[] Sentences =
    [
        "We meet to share what helps, listen without judgement and remind each other that nobody has to do this alone.",
        "Each meeting opens with a short check-in and closes with one thing each person wants to carry into the week.",
        "Newcomers are welcome at any time; you can listen for as long as you like before you share.",
        "Two trained peer facilitators who have been through cancer themselves lead every meeting.",
        "Topics follow what members bring: treatment decisions, side effects, work and money, family, and fear of recurrence.",
        "Caregivers often tell us this is the one hour a week that is about them; bring whatever is on your mind.",
        "This is a peer group, not therapy or medical advice; our facilitators can point you to professional help when you need it.",
        "Once a month a guest from the hospital's social work or nutrition team joins for the first half hour.",
        "What is said in the group stays in the group. We ask everyone to agree to this at their first meeting.",
        "Parking is free and the room is step-free; tell us ahead of time if you need anything else to take part.",
        "We follow a twelve-week curriculum on coping skills, with a new cohort starting each season.",
        "Grief does not follow a schedule. Come on the hard days and the better ones.",
    ];

    public static async Task<SeedResult> SeedAsync(string databasePath, ZipCentroids centroids, int groupCount, int seed)
    {
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<PeerCircleDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={databasePath}");
        await using var db = new PeerCircleDb(options.Options);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();

        var random = new Random(seed);
        var byZip = centroids.Rows.ToDictionary(r => r.Zip, r => r.Point, StringComparer.Ordinal);
        var metros = Metros.Where(m => byZip.ContainsKey(m.Zip)).ToArray();
        // Every ZIP within 40 miles of each metro's centre: where that metro's groups meet.
        var metroAreas = metros
            .Select(m => centroids.Rows.Where(r => Distance.Miles(byZip[m.Zip], r.Point) <= 40).ToArray())
            .ToArray();
        // Bigger metros get more groups: weight 1/sqrt(rank).
        var metroWeights = metros.Select((_, rank) => 1 / Math.Sqrt(rank + 1)).ToArray();
        var created = new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);

        var groups = new List<Group>(groupCount);
        for (var i = 0; i < groupCount; i++)
        {
            var audience = Pick(random, (Audience.Patients, 25), (Audience.Survivors, 25), (Audience.Caregivers, 20),
                (Audience.Bereaved, 10), (Audience.Mixed, 20));
            var modality = Pick(random, (Modality.InPerson, 38), (Modality.Video, 27), (Modality.Hybrid, 15),
                (Modality.Phone, 10), (Modality.OnlineText, 10));
            var focusCount = Pick(random, (0, 40), (1, 45), (2, 15));
            var focus = Enum.GetValues<CancerType>().OrderBy(_ => random.Next()).Take(focusCount).ToList();
            var language = Pick(random, ("en", 74), ("es", 14), ("zh", 3), ("vi", 2), ("ko", 2), ("tl", 1), ("ar", 1),
                ("fr", 1), ("ru", 1), ("asl", 1));
            var frequency = Pick(random, (Frequency.Weekly, 45), (Frequency.Biweekly, 30), (Frequency.Monthly, 25));
            var day = Pick(random, (DayOfWeek.Monday, 16), (DayOfWeek.Tuesday, 20), (DayOfWeek.Wednesday, 20),
                (DayOfWeek.Thursday, 20), (DayOfWeek.Friday, 10), (DayOfWeek.Saturday, 10), (DayOfWeek.Sunday, 4));
            // Mornings for retirees and patients in treatment, evenings for people who work; 30-minute steps.
            var start = Pick(random, ((9 * 60) + (30 * random.Next(6)), 30), ((12 * 60) + (30 * random.Next(10)), 25),
                ((17 * 60) + (30 * random.Next(7)), 45));

            var place = new MeetingPlace();
            string? city = null;
            var timeZone = Pick(random, ("America/New_York", 45), ("America/Chicago", 30), ("America/Denver", 8),
                ("America/Phoenix", 3), ("America/Los_Angeles", 14));
            if (modality is Modality.InPerson or Modality.Hybrid)
            {
                (string Zip, GeoPoint Point) where;
                if (random.NextDouble() < 0.75)
                {
                    var metro = PickIndex(random, metroWeights);
                    where = metroAreas[metro][random.Next(metroAreas[metro].Length)];
                    city = metros[metro].City;
                }
                else
                {
                    where = centroids.Rows[random.Next(centroids.Rows.Count)];
                    city = Towns[random.Next(Towns.Length)];
                }
                var state = UsStates.FromZip(where.Zip);
                timeZone = UsStates.TimeZone(state, where.Point.Longitude);
                place = new MeetingPlace
                {
                    VenueName = Venues[random.Next(Venues.Length)],
                    AddressLine = $"{100 + random.Next(9800)} {Towns[random.Next(Towns.Length)]} Avenue",
                    City = city,
                    State = state,
                    PostalCode = where.Zip,
                    // Venues sit within about half a mile of their ZIP's centre.
                    Latitude = Math.Round(where.Point.Latitude + ((random.NextDouble() - 0.5) * 0.014), 6),
                    Longitude = Math.Round(where.Point.Longitude + ((random.NextDouble() - 0.5) * 0.014), 6),
                    MeetingLink = modality == Modality.Hybrid ? $"https://meet.example.org/pc-{i:D5}" : null,
                };
            }
            else
            {
                place = new MeetingPlace
                {
                    MeetingLink = modality is Modality.Video or Modality.OnlineText ? $"https://meet.example.org/pc-{i:D5}" : null,
                    DialIn = modality == Modality.Phone ? $"+1 555 01{random.Next(100):D2} PIN {random.Next(100000, 999999)}" : null,
                };
            }

            var name = GroupName(random, city, audience, focus, modality);
            var id = NewGuid(random);
            groups.Add(new Group
            {
                Id = id,
                Name = name,
                Slug = $"{Slugify(name)}-{i + 1}",
                Description = string.Join(' ', Enumerable.Range(0, 2 + random.Next(5)).Select(_ => Sentences[random.Next(Sentences.Length)])),
                Audience = audience,
                CancerFocus = focus.Select(c => new GroupCancerFocus { GroupId = id, CancerType = c }).ToList(),
                GroupType = Pick(random, (GroupType.Curriculum, 30), (GroupType.TopicFocused, 40), (GroupType.OpenForum, 30)),
                Membership = random.NextDouble() < 0.7 ? MembershipPolicy.Open : MembershipPolicy.Closed,
                Modality = modality,
                Language = language,
                Capacity = 6 + random.Next(11),
                Status = Pick(random, (GroupStatus.Recruiting, 45), (GroupStatus.Active, 40), (GroupStatus.Paused, 10),
                    (GroupStatus.Closed, 5)),
                Schedule = new MeetingSchedule
                {
                    Frequency = frequency,
                    DayOfWeek = day,
                    WeekOfMonth = frequency == Frequency.Monthly ? Pick(random, (1, 30), (2, 25), (3, 25), (4, 10), (-1, 10)) : 1,
                    StartMinuteOfDay = start,
                    DurationMinutes = Pick(random, (60, 30), (90, 55), (120, 15)),
                    TimeZoneId = timeZone,
                    StartsOn = new DateOnly(2026, 1, 5).AddDays(random.Next(120)),
                },
                Place = place,
                CreatedAtUtc = created,
                UpdatedAtUtc = created,
            });
        }

        db.Groups.AddRange(groups);
        await db.SaveChangesAsync();

        static bool Searchable(Group g) => g.Status is GroupStatus.Recruiting or GroupStatus.Active;
        var populated = groups
            .Where(g => Searchable(g) && g.Place.PostalCode is not null)
            .Select(g => g.Place.PostalCode!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SeedResult(
            groups.Count,
            groups.Count(Searchable),
            groups.Count(g => g.Modality == Modality.InPerson),
            groups.Count(g => g.Modality == Modality.Hybrid),
            groups.Count(g => !g.MeetsInPerson),
            groups.Sum(g => g.CancerFocus.Count),
            populated,
            metros.Select(m => m.Zip).ToList(),
            clock.Elapsed);
    }

    /// <summary>Runs developer-supplied statements (<c>--db-sql</c>) on the seeded database, before the app opens it.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "A benchmark switch whose whole purpose is to run the SQL its operator types.")]
    public static async Task ApplySqlAsync(string databasePath, IEnumerable<string> statements)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            Console.WriteLine($"  applied: {sql}");
        }
    }

    private static string GroupName(Random random, string? city, Audience audience, List<CancerType> focus, Modality modality)
    {
        var where = city ?? (modality == Modality.Phone ? "Phone" : "Online");
        var cancer = focus.Count switch
        {
            0 => "",
            1 => $"{Describe(focus[0])} Cancer ",
            _ => $"{Describe(focus[0])} & {Describe(focus[1])} Cancer ",
        };
        var who = audience switch
        {
            Audience.Patients => "Patients",
            Audience.Survivors => "Survivors",
            Audience.Caregivers => "Caregivers",
            Audience.Bereaved => "Grief",
            _ => "Community",
        };
        string[] kinds = ["Circle", "Support Group", "Peer Group", "Connection", "Gathering"];
        return $"{where} {cancer}{who} {kinds[random.Next(kinds.Length)]}";
    }

    private static string Describe(CancerType type) => type switch
    {
        CancerType.HeadAndNeck => "Head and Neck",
        CancerType.Blood => "Blood",
        CancerType.Childhood => "Childhood",
        _ => type.ToString(),
    };

    private static string Slugify(string name)
    {
        var letters = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join('-', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries));
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

    private static int PickIndex(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }
            roll -= weights[i];
        }
        return weights.Length - 1;
    }
}

/// <summary>US state of a ZIP code by its first three digits, and a plausible time zone for it.</summary>
internal static class UsStates
{
    private static readonly (int From, int To, string State)[] Ranges =
    [
        (5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"), (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"),
        (39, 49, "ME"), (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"), (70, 89, "NJ"),
        (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"), (200, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"),
        (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"), (320, 349, "FL"), (350, 369, "AL"),
        (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"), (400, 427, "KY"), (430, 459, "OH"), (460, 479, "IN"),
        (480, 499, "MI"), (500, 528, "IA"), (530, 549, "WI"), (550, 567, "MN"), (569, 569, "DC"), (570, 577, "SD"),
        (580, 588, "ND"), (590, 599, "MT"), (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"),
        (700, 715, "LA"), (716, 729, "AR"), (730, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"),
        (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"), (889, 898, "NV"),
        (900, 961, "CA"), (967, 968, "HI"), (969, 969, "GU"), (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK"),
    ];

    public static string? FromZip(string zip)
    {
        var prefix = int.Parse(zip.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (from, to, state) in Ranges)
        {
            if (prefix >= from && prefix <= to)
            {
                return state;
            }
        }
        return null;
    }

    public static string TimeZone(string? state, double longitude) => state switch
    {
        "HI" => "Pacific/Honolulu",
        "AK" => "America/Anchorage",
        "PR" or "VI" => "America/Puerto_Rico",
        "AZ" => "America/Phoenix",
        _ when longitude > -86.5 => "America/New_York",
        _ when longitude > -101.5 => "America/Chicago",
        _ when longitude > -114.5 => "America/Denver",
        _ => "America/Los_Angeles",
    };
}
