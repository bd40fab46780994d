using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Groups;

/// <summary>
/// The coordinator's group form, exactly as posted. Everything is text so that any input, however wrong,
/// comes back to the form with a message instead of being dropped.
/// </summary>
public sealed class GroupForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Audience { get; set; }
    public string[]? CancerFocus { get; set; }
    public string? GroupType { get; set; }
    public string? Membership { get; set; }
    public string? Modality { get; set; }
    public string? Language { get; set; } = "en";
    public string? Capacity { get; set; } = "10";
    public string? Status { get; set; }
    public string? Frequency { get; set; }
    public string? DayOfWeek { get; set; }
    public string? WeekOfMonth { get; set; } = "1";
    public string? StartTime { get; set; } = "18:00";
    public string? DurationMinutes { get; set; } = "90";
    public string? TimeZoneId { get; set; } = "America/New_York";
    public string? StartsOn { get; set; }
    public string? LeadFacilitatorId { get; set; }
    public string? CoFacilitatorId { get; set; }
    public string? VenueName { get; set; }
    public string? AddressLine { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? MeetingLink { get; set; }
    public string? DialIn { get; set; }

    public static GroupForm From(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var s = group.Schedule;
        return new GroupForm
        {
            Name = group.Name,
            Description = group.Description,
            Audience = EnumText.ToKebab(group.Audience),
            CancerFocus = group.CancerFocus.Select(f => EnumText.ToKebab(f.CancerType)).ToArray(),
            GroupType = EnumText.ToKebab(group.GroupType),
            Membership = EnumText.ToKebab(group.Membership),
            Modality = EnumText.ToKebab(group.Modality),
            Language = group.Language,
            Capacity = group.Capacity.ToString(CultureInfo.InvariantCulture),
            Status = EnumText.ToKebab(group.Status),
            Frequency = EnumText.ToKebab(s.Frequency),
            DayOfWeek = EnumText.ToKebab(s.DayOfWeek),
            WeekOfMonth = s.WeekOfMonth.ToString(CultureInfo.InvariantCulture),
            StartTime = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(s.StartMinuteOfDay)).ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = s.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            TimeZoneId = s.TimeZoneId,
            StartsOn = s.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LeadFacilitatorId = group.LeadFacilitatorId,
            CoFacilitatorId = group.CoFacilitatorId,
            VenueName = group.Place.VenueName,
            AddressLine = group.Place.AddressLine,
            City = group.Place.City,
            State = group.Place.State,
            PostalCode = group.Place.PostalCode,
            Latitude = group.Place.Latitude?.ToString(CultureInfo.InvariantCulture),
            Longitude = group.Place.Longitude?.ToString(CultureInfo.InvariantCulture),
            MeetingLink = group.Place.MeetingLink,
            DialIn = group.Place.DialIn,
        };
    }
}

public sealed record SaveGroupResult(Guid? GroupId, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => GroupId is not null && Errors.Count == 0;
}

/// <summary>Creates or edits a group on a coordinator's behalf.</summary>
public sealed class SaveGroup(
    PeerCircleDb db, UserManager<PeerCircleUser> users, ZipGazetteer gazetteer, AuditTrail audit,
    DirectorySnapshot directory, FacilitatorCertification certification, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public Task<SaveGroupResult> CreateAsync(GroupForm form, CancellationToken cancellationToken) =>
        SaveAsync(null, form, cancellationToken);

    public Task<SaveGroupResult> UpdateAsync(Guid id, GroupForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, form, cancellationToken);

    private async Task<SaveGroupResult> SaveAsync(Guid? id, GroupForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        Group? group = null;
        if (id is { } existingId)
        {
            group = await db.Groups.Include(g => g.CancerFocus).FirstOrDefaultAsync(g => g.Id == existingId, cancellationToken);
            if (group is null)
            {
                return new SaveGroupResult(null, new() { ["Name"] = [text["This group no longer exists."]] });
            }
        }

        var facilitatorIds = (await users.GetUsersInRoleAsync(Roles.Facilitator)).Select(u => u.Id).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        var parsed = Parse(form, facilitatorIds, errors);
        if (parsed is null || errors.Count > 0)
        {
            return new SaveGroupResult(null, errors);
        }
        // Only a certified facilitator may lead or co-lead a group; say exactly what is still missing.
        foreach (var (field, facilitatorId) in new[] { ("LeadFacilitatorId", parsed.LeadFacilitatorId), ("CoFacilitatorId", parsed.CoFacilitatorId) })
        {
            if (facilitatorId is null)
            {
                continue;
            }
            var status = await certification.StatusAsync(facilitatorId, cancellationToken);
            if (await db.FacilitationPauses.AnyAsync(p => p.FacilitatorId == facilitatorId && p.ResumedAtUtc == null, cancellationToken))
            {
                var who = (await users.FindByIdAsync(facilitatorId))?.FullName ?? "";
                errors[field] = [text["{0} has paused their facilitation for now. Please choose someone else, or wait until they resume.", who]];
            }
            else if (!status.MayLeadGroups)
            {
                var who = (await users.FindByIdAsync(facilitatorId))?.FullName ?? "";
                errors[field] = [status.State == CertificationState.Expired
                    ? text["{0}'s certification has expired. Still needed: {1}.", who, status.Summary()]
                    : text["{0} is not certified yet, so cannot lead or co-lead a group. Still needed: {1}.", who, status.Summary()]];
            }
        }
        if (errors.Count > 0)
        {
            return new SaveGroupResult(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var creating = group is null;
        group ??= new Group { Id = Guid.NewGuid(), CreatedAtUtc = now };
        var slugChanged = group.Name != parsed.Name || group.Slug.Length == 0;
        Apply(parsed, group);
        group.UpdatedAtUtc = now;
        if (slugChanged)
        {
            group.Slug = await UniqueSlugAsync(parsed.Name, group.Id, cancellationToken);
        }
        if (creating)
        {
            db.Groups.Add(group);
        }
        audit.StageChange(creating ? AuditActions.GroupCreated : AuditActions.GroupChanged, "Group", group.Id.ToString(), group.Name);
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
        return new SaveGroupResult(group.Id, errors);
    }

    private static void Apply(Group parsed, Group group)
    {
        group.Name = parsed.Name;
        group.Description = parsed.Description;
        group.Audience = parsed.Audience;
        group.GroupType = parsed.GroupType;
        group.Membership = parsed.Membership;
        group.Modality = parsed.Modality;
        group.Language = parsed.Language;
        group.Capacity = parsed.Capacity;
        group.Status = parsed.Status;
        group.Schedule = parsed.Schedule;
        group.Place = parsed.Place;
        group.LeadFacilitatorId = parsed.LeadFacilitatorId;
        group.CoFacilitatorId = parsed.CoFacilitatorId;
        var wanted = parsed.CancerFocus.Select(f => f.CancerType).ToHashSet();
        group.CancerFocus.RemoveAll(f => !wanted.Contains(f.CancerType));
        foreach (var type in wanted.Where(t => group.CancerFocus.All(f => f.CancerType != t)))
        {
            group.CancerFocus.Add(new GroupCancerFocus { GroupId = group.Id, CancerType = type });
        }
    }

    /// <summary>Checks every field and says, in plain words, what to fix. Returns null when nothing could be read.</summary>
    internal Group? Parse(GroupForm form, IReadOnlySet<string> facilitatorIds, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string message) => errors[field] = [message];

        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Fail("Name", text["Please give the group a name."]);
        }
        else if (name.Length > GroupLimits.NameMax)
        {
            Fail("Name", text["The name is too long. Please keep it under {0} characters.", GroupLimits.NameMax]);
        }

        var description = form.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            Fail("Description", text["Please describe the group, so newcomers know what to expect."]);
        }
        else if (description.Length > GroupLimits.DescriptionMax)
        {
            Fail("Description", text["The description is too long. Please keep it under {0} characters.", GroupLimits.DescriptionMax]);
        }

        var audience = Choose<Audience>(form.Audience, "Audience", text["Please choose who the group is for."], errors);
        var groupType = Choose<GroupType>(form.GroupType, "GroupType", text["Please choose the kind of group."], errors);
        var membership = Choose<MembershipPolicy>(form.Membership, "Membership", text["Please choose open or closed membership."], errors);
        var modality = Choose<Modality>(form.Modality, "Modality", text["Please choose how the group meets."], errors);
        var status = Choose<GroupStatus>(form.Status, "Status", text["Please choose the group's status."], errors);
        var frequency = Choose<Frequency>(form.Frequency, "Frequency", text["Please choose how often the group meets."], errors);
        var day = Choose<DayOfWeek>(form.DayOfWeek, "DayOfWeek", text["Please choose the day the group meets."], errors);

        var focus = new List<GroupCancerFocus>();
        foreach (var value in form.CancerFocus ?? [])
        {
            if (EnumText.TryParse<CancerType>(value, out var type))
            {
                focus.Add(new GroupCancerFocus { CancerType = type });
            }
            else
            {
                Fail("CancerFocus", text["Please choose cancer types from the list."]);
            }
        }

        var language = form.Language?.Trim().ToLowerInvariant() ?? "";
        if (!GroupLanguages.Names.ContainsKey(language))
        {
            Fail("Language", text["Please choose a language from the list."]);
        }

        var capacity = 0;
        if (!int.TryParse(form.Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out capacity)
            || capacity < GroupLimits.MinCapacity || capacity > GroupLimits.MaxCapacity)
        {
            Fail("Capacity", text["Capacity must be a whole number from {0} to {1}.", GroupLimits.MinCapacity, GroupLimits.MaxCapacity]);
        }

        var weekOfMonth = 1;
        if (frequency == Frequency.Monthly
            && (!int.TryParse(form.WeekOfMonth, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out weekOfMonth)
                || weekOfMonth is not (1 or 2 or 3 or 4 or -1)))
        {
            Fail("WeekOfMonth", text["Please choose which week of the month the group meets."]);
        }

        var startMinute = 0;
        if (!TimeOnly.TryParseExact(form.StartTime?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            Fail("StartTime", text["Please enter a start time, like 18:30."]);
        }
        else
        {
            startMinute = (start.Hour * 60) + start.Minute;
        }

        var duration = 0;
        if (!int.TryParse(form.DurationMinutes, NumberStyles.None, CultureInfo.InvariantCulture, out duration)
            || duration < GroupLimits.MinDurationMinutes || duration > GroupLimits.MaxDurationMinutes)
        {
            Fail("DurationMinutes", text["Meetings last from {0} to {1} minutes.", GroupLimits.MinDurationMinutes, GroupLimits.MaxDurationMinutes]);
        }

        var timeZone = form.TimeZoneId?.Trim() ?? "";
        if (!GroupTimeZones.IsKnown(timeZone))
        {
            Fail("TimeZoneId", text["Please choose the group's time zone from the list."]);
        }

        var startsOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(form.StartsOn)
            && !DateOnly.TryParseExact(form.StartsOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out startsOn))
        {
            Fail("StartsOn", text["Please enter the first meeting date as year-month-day, like 2026-03-04."]);
        }

        var lead = Blank(form.LeadFacilitatorId);
        var coLead = Blank(form.CoFacilitatorId);
        if (lead is not null && !facilitatorIds.Contains(lead))
        {
            Fail("LeadFacilitatorId", text["The lead facilitator must be someone with the facilitator role."]);
        }
        if (coLead is not null && !facilitatorIds.Contains(coLead))
        {
            Fail("CoFacilitatorId", text["The co-facilitator must be someone with the facilitator role."]);
        }
        if (coLead is not null && coLead == lead)
        {
            Fail("CoFacilitatorId", text["The co-facilitator must be a different person from the lead facilitator."]);
        }

        var place = ParsePlace(form, modality, errors);

        if (errors.Count > 0)
        {
            return null;
        }
        return new Group
        {
            Name = name,
            Description = description,
            Audience = audience,
            GroupType = groupType,
            Membership = membership,
            Modality = modality,
            Status = status,
            Language = language,
            Capacity = capacity,
            CancerFocus = focus,
            Schedule = new MeetingSchedule
            {
                Frequency = frequency,
                DayOfWeek = day,
                WeekOfMonth = frequency == Frequency.Monthly ? weekOfMonth : 1,
                StartMinuteOfDay = startMinute,
                DurationMinutes = duration,
                TimeZoneId = timeZone,
                StartsOn = startsOn,
            },
            Place = place,
            LeadFacilitatorId = lead,
            CoFacilitatorId = coLead,
        };
    }

    private MeetingPlace ParsePlace(GroupForm form, Modality modality, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string message) => errors[field] = [message];
        var place = new MeetingPlace
        {
            VenueName = Limit(form.VenueName, GroupLimits.NameMax, "VenueName"),
            AddressLine = Limit(form.AddressLine, 200, "AddressLine"),
            City = Limit(form.City, 100, "City"),
            State = Blank(form.State)?.ToUpperInvariant(),
            PostalCode = Blank(form.PostalCode),
            MeetingLink = Limit(form.MeetingLink, 500, "MeetingLink"),
            DialIn = Limit(form.DialIn, 200, "DialIn"),
        };

        string? Limit(string? value, int max, string field)
        {
            var trimmed = Blank(value);
            if (trimmed is { } v && v.Length > max)
            {
                Fail(field, text["This is too long. Please keep it under {0} characters.", max]);
            }
            return trimmed;
        }

        if (place.State is { } state && (state.Length != 2 || !state.All(char.IsAsciiLetter)))
        {
            Fail("State", text["Please use the two-letter state code, like IL."]);
        }

        var inPerson = modality is Modality.InPerson or Modality.Hybrid;
        if (inPerson)
        {
            if (place.AddressLine is null)
            {
                Fail("AddressLine", text["In-person groups need a street address."]);
            }
            if (place.City is null)
            {
                Fail("City", text["In-person groups need a city."]);
            }
            if (place.PostalCode is null || !ZipGazetteer.LooksLikeZip(place.PostalCode))
            {
                Fail("PostalCode", text["Please enter a 5-digit US ZIP code, like 60614."]);
            }
            else if (!gazetteer.TryFind(place.PostalCode, out var centroid))
            {
                Fail("PostalCode", text["We could not find ZIP code {0}. Please check it, or try a nearby ZIP code.", place.PostalCode]);
            }
            else
            {
                (place.Latitude, place.Longitude) = (centroid.Latitude, centroid.Longitude);
            }
            if (Blank(form.Latitude) is not null || Blank(form.Longitude) is not null)
            {
                // Exact coordinates of the venue beat the ZIP code's centre when the coordinator knows them.
                if (double.TryParse(form.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
                    && double.TryParse(form.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180)
                {
                    (place.Latitude, place.Longitude) = (lat, lon);
                }
                else
                {
                    Fail("Latitude", text["Coordinates must be decimal degrees, like 41.8781 and -87.6298, or left empty."]);
                }
            }
        }
        else
        {
            place.Latitude = null;
            place.Longitude = null;
        }

        if (place.MeetingLink is { } link
            && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            Fail("MeetingLink", text["The meeting link must be a full web address starting with https://."]);
        }
        var needsRemoteDetails = modality is Modality.Video or Modality.Hybrid or Modality.OnlineText;
        if (needsRemoteDetails && place.MeetingLink is null)
        {
            Fail("MeetingLink", text["Groups that meet online need a meeting link. Members see it only after they are accepted."]);
        }
        if (modality == Modality.Phone && place.DialIn is null)
        {
            Fail("DialIn", text["Phone groups need a dial-in number. Members see it only after they are accepted."]);
        }
        return place;
    }

    private async Task<string> UniqueSlugAsync(string name, Guid groupId, CancellationToken cancellationToken)
    {
        var baseSlug = Slugify(name);
        var slug = baseSlug;
        for (var n = 2; await db.Groups.AnyAsync(g => g.Slug == slug && g.Id != groupId, cancellationToken); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }
        return slug;
    }

    internal static string Slugify(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '&') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > GroupLimits.NameMax)
        {
            slug = slug[..GroupLimits.NameMax].Trim('-');
        }
        return slug.Length == 0 ? "group" : slug;
    }

    private static T Choose<T>(string? value, string field, string message, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (EnumText.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }
        errors[field] = [message];
        return default;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
