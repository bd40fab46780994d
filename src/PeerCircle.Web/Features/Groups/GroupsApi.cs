using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Groups;

/// <summary>The public group directory for machine clients.</summary>
public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/groups").WithTags("Groups").AllowAnonymous();
        api.MapGet("/", Search)
            .WithName("SearchGroups")
            .WithSummary("Search the public group directory")
            .WithDescription("Filters match the /groups page. With a ZIP code, in-person groups within the radius come first, nearest first, followed by groups that meet remotely. Meeting links and dial-in details are never included.");
        api.MapGet("/{idOrSlug}", Get)
            .WithName("GetGroup")
            .WithSummary("One group's public details and its next three meetings")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<GroupSearchResponse>, ValidationProblem>> Search(
        [Description("patients, survivors, caregivers, bereaved or mixed; mixed groups match every audience")] string? audience,
        [Description("A cancer type such as breast, prostate, lung, colorectal, blood; groups open to any cancer always match")] string? cancer,
        [Description("in-person, video, phone, online-text or hybrid")] string? modality,
        [Description("ISO 639-1 language code, e.g. en or es")] string? language,
        [Description("Day of the week the group meets, e.g. tuesday")] string? day,
        [Description("morning (before noon), afternoon (noon to 5 PM) or evening (after 5 PM), in the group's time zone")] string? time,
        [Description("Five-digit US ZIP code; in-person groups within the radius come first, nearest first")] string? zip,
        [Description("Miles from the ZIP code, 1 to 500; default 25")] string? radius,
        [Description("Page of 20 results, starting at 1")] string? page,
        SearchGroups handler, ZipGazetteer gazetteer, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var (query, errors) = GroupSearchQuery.Parse(audience, cancer, modality, language, day, time, zip, radius, page, gazetteer, text);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Some search filters need fixing.");
        }
        var result = await handler.HandleAsync(query, cancellationToken);
        return TypedResults.Ok(GroupSearchResponse.From(result));
    }

    public static async Task<Results<Ok<PublicGroup>, ProblemHttpResult>> Get(
        string idOrSlug, GetGroup handler, CancellationToken cancellationToken)
    {
        var details = await handler.HandleAsync(idOrSlug, cancellationToken);
        if (details is null)
        {
            return TypedResults.Problem(
                title: "Group not found",
                detail: "No public group has that id or address. It may have closed.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(details.Public);
    }
}

public sealed record GroupSearchResponse(IReadOnlyList<GroupSummary> Groups, int Total, int Page, int PageSize, int PageCount, string? OriginZip)
{
    public static GroupSearchResponse From(GroupSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Groups.Select(GroupSummary.From).ToList(), result.Total, result.Page, result.PageSize, result.PageCount, result.OriginZip);
    }
}

/// <summary>A directory entry as JSON: enums as the same words the filters use.</summary>
public sealed record GroupSummary(
    Guid Id, string Slug, string Name, string Audience, IReadOnlyList<string> CancerFocus, string GroupType,
    string Membership, string Modality, string Language, string Status, string? City, string? State,
    string Schedule, string TimeZone, bool IsRemote, double? DistanceMiles, string Url)
{
    public static GroupSummary From(GroupListing g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new(g.Id, g.Slug, g.Name, EnumText.ToKebab(g.Audience), g.CancerFocus.Select(EnumText.ToKebab).ToList(),
            EnumText.ToKebab(g.GroupType), EnumText.ToKebab(g.Membership), EnumText.ToKebab(g.Modality), g.Language,
            EnumText.ToKebab(g.Status), g.City, g.State,
            MeetingTimes.DescribeRule(g.Frequency, g.DayOfWeek, g.WeekOfMonth, g.StartMinuteOfDay, g.DurationMinutes),
            g.TimeZoneId, g.IsRemote, g.DistanceMiles, $"/groups/{g.Slug}");
    }
}
