using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Members;

/// <summary>One reason a group fits: an English sentence key and its values, for the localizer.</summary>
public sealed record FitReason(string Text, params object[] Values);

public sealed record Recommendation(GroupListing Group, int Score, IReadOnlyList<FitReason> Reasons);

/// <summary>
/// Ranks the groups a member could join by how well they fit: who the group is for, the cancer type, a shared
/// language (required), distance for in-person groups or joining from home, and the time of day they prefer.
/// Each recommendation carries the reasons, so the member sees why it was suggested.
/// </summary>
public sealed class RecommendGroups(PeerCircleDb db, DirectorySnapshot directory, ZipGazetteer zips)
{
    public const int Count = 5;

    public async Task<IReadOnlyList<Recommendation>> HandleAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (!SaveMemberProfile.IntakeComplete(profile))
        {
            return [];
        }
        var mine = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status != MembershipStatus.Left)
            .Select(m => m.GroupId)
            .ToListAsync(cancellationToken);
        var listed = await directory.GetAsync(cancellationToken);
        GeoPoint? home = profile!.PostalCode is { } zip && zips.TryFind(zip, out var point) ? point : null;
        return [.. listed.ByName
            .Where(g => !mine.Contains(g.Id) && g.Status is GroupStatus.Recruiting or GroupStatus.Active)
            .Select(g => Score(g, profile, home))
            .OfType<Recommendation>()
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Group.Name, StringComparer.CurrentCulture)
            .Take(Count)];
    }

    /// <summary>Null when the group cannot work for the member (no shared language, or too far and not remote).</summary>
    public static Recommendation? Score(GroupListing group, MemberProfile profile, GeoPoint? home)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Languages.Contains(group.Language))
        {
            return null;
        }
        var score = 0;
        var reasons = new List<FitReason>();

        var audiences = AudiencesFor(profile);
        if (audiences.Contains(group.Audience))
        {
            score += 4;
            reasons.Add(new FitReason(AudienceReason(group.Audience)));
        }
        else if (group.Audience == Audience.Mixed)
        {
            score += 1;
            reasons.Add(new FitReason("Open to everyone affected by cancer"));
        }
        else
        {
            return null;
        }

        var shared = group.CancerFocus.Where(profile.CancerTypes.Contains).ToList();
        if (shared.Count > 0)
        {
            score += 3;
            reasons.Add(new FitReason("Focused on {0}", GroupLabels.Of(shared[0])));
        }
        else if (group.CancerFocus.Count == 0)
        {
            score += 1;
        }
        else
        {
            return null;
        }

        if (group.MeetsInPerson() && home is { } origin && group.Latitude is { } lat && group.Longitude is { } lon)
        {
            var miles = Distance.Miles(origin, new GeoPoint(lat, lon));
            if (miles <= profile.TravelMiles)
            {
                score += 3;
                reasons.Add(new FitReason("{0} miles away", Math.Round(miles).ToString(CultureInfo.InvariantCulture)));
            }
            else if (!group.IsRemote)
            {
                return null;
            }
        }
        else if (group.MeetsInPerson() && !group.IsRemote)
        {
            // In person only, and we don't know where the member lives: still a possibility, but a weak one.
            score -= 1;
        }
        if (group.IsRemote)
        {
            score += 2;
            reasons.Add(new FitReason(group.Modality == Modality.Phone ? "Join by phone from home" : "Join from home"));
        }

        if (profile.PreferredTime != TimeOfDayPreference.Any && MatchesTime(group.StartMinuteOfDay, profile.PreferredTime))
        {
            score += 1;
            reasons.Add(new FitReason(profile.PreferredTime switch
            {
                TimeOfDayPreference.Morning => "Meets in the morning",
                TimeOfDayPreference.Afternoon => "Meets in the afternoon",
                _ => "Meets in the evening",
            }));
        }
        if (group.Language != "en")
        {
            reasons.Add(new FitReason("In {0}", GroupLanguages.NameOf(group.Language)));
        }
        return new Recommendation(group, score, reasons);
    }

    private static Audience[] AudiencesFor(MemberProfile profile) => profile.JourneyRole switch
    {
        JourneyRole.Caregiver => [Audience.Caregivers],
        JourneyRole.BereavedRelative => [Audience.Bereaved],
        _ => profile.TreatmentPhase == TreatmentPhase.FinishedTreatment ? [Audience.Survivors, Audience.Patients] : [Audience.Patients, Audience.Survivors],
    };

    private static string AudienceReason(Audience audience) => audience switch
    {
        Audience.Caregivers => "For caregivers like you",
        Audience.Bereaved => "For people grieving a loss, like you",
        Audience.Survivors => "For survivors like you",
        _ => "For people living with cancer, like you",
    };

    private static bool MatchesTime(int startMinute, TimeOfDayPreference preference) => preference switch
    {
        TimeOfDayPreference.Morning => startMinute < 12 * 60,
        TimeOfDayPreference.Afternoon => startMinute is >= 12 * 60 and < 17 * 60,
        _ => startMinute >= 17 * 60,
    };
}
