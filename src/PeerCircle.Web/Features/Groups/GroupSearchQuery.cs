using Microsoft.Extensions.Localization;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Groups;

/// <summary>A checked directory search. Built only through <see cref="Parse"/>, so a handler never sees bad input.</summary>
public sealed record GroupSearchQuery(
    Audience? Audience,
    CancerType? CancerType,
    Modality? Modality,
    string? Language,
    DayOfWeek? Day,
    TimeOfDay? TimeOfDay,
    string? Zip,
    int RadiusMiles,
    int Page)
{
    public const int DefaultRadiusMiles = 25;
    public const int MaxRadiusMiles = 500;
    public const int PageSize = 20;
    public const int MaxPage = 1000;

    public static readonly GroupSearchQuery Everything = new(null, null, null, null, null, null, null, DefaultRadiusMiles, 1);

    public bool HasFilters => Audience is not null || CancerType is not null || Modality is not null
        || Language is not null || Day is not null || TimeOfDay is not null || Zip is not null;

    /// <summary>Turns raw query-string values into a query, or plain-language messages saying what to fix.</summary>
    public static (GroupSearchQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string? audience, string? cancer, string? modality, string? language, string? day, string? time,
        string? zip, string? radius, string? page, ZipGazetteer gazetteer, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>();

        var parsedAudience = ParseEnum<Audience>(audience, "audience", text["Who the group is for"], text, errors);
        var parsedCancer = ParseEnum<CancerType>(cancer, "cancer", text["Cancer type"], text, errors);
        var parsedModality = ParseEnum<Modality>(modality, "modality", text["How the group meets"], text, errors);
        var parsedDay = ParseEnum<DayOfWeek>(day, "day", text["Day"], text, errors);
        var parsedTime = ParseEnum<TimeOfDay>(time, "time", text["Time of day"], text, errors);

        string? parsedLanguage = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            var code = language.Trim().ToLowerInvariant();
            if (GroupLanguages.Names.ContainsKey(code))
            {
                parsedLanguage = code;
            }
            else
            {
                errors["language"] = [text["Language must be one of: {0}.", string.Join(", ", GroupLanguages.Names.Keys)]];
            }
        }

        string? parsedZip = null;
        if (!string.IsNullOrWhiteSpace(zip))
        {
            var trimmed = zip.Trim();
            if (!ZipGazetteer.LooksLikeZip(trimmed))
            {
                errors["zip"] = [text["Please enter a 5-digit US ZIP code, like 60614."]];
            }
            else if (!gazetteer.TryFind(trimmed, out _))
            {
                errors["zip"] = [text["We could not find ZIP code {0}. Please check it, or try a nearby ZIP code.", trimmed]];
            }
            else
            {
                parsedZip = trimmed;
            }
        }

        var parsedRadius = DefaultRadiusMiles;
        if (!string.IsNullOrWhiteSpace(radius)
            && (!int.TryParse(radius, out parsedRadius) || parsedRadius < 1 || parsedRadius > MaxRadiusMiles))
        {
            errors["radius"] = [text["Distance must be a whole number of miles from 1 to {0}.", MaxRadiusMiles]];
        }

        var parsedPage = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, out parsedPage) || parsedPage < 1 || parsedPage > MaxPage))
        {
            errors["page"] = [text["Page must be a whole number from 1 to {0}.", MaxPage]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new GroupSearchQuery(parsedAudience, parsedCancer, parsedModality, parsedLanguage, parsedDay, parsedTime,
            parsedZip, parsedRadius, parsedPage), errors);
    }

    private static T? ParseEnum<T>(string? value, string key, string label, IStringLocalizer text, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (EnumText.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }
        errors[key] = [text["{0} must be one of: {1}.", label, EnumText.Choices<T>()]];
        return null;
    }
}
