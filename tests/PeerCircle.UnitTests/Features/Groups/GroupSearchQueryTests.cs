using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.UnitTests.Features.Groups;

public class GroupSearchQueryTests
{
    // Only the ZIP codes these tests name; 00000 is deliberately missing.
    private static readonly ZipGazetteer Gazetteer = new(
    [
        KeyValuePair.Create("60614", new GeoPoint(41.922747, -87.647153)),
    ]);

    private static (GroupSearchQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string? audience = null, string? cancer = null, string? modality = null, string? language = null,
        string? day = null, string? time = null, string? zip = null, string? radius = null, string? page = null) =>
        GroupSearchQuery.Parse(audience, cancer, modality, language, day, time, zip, radius, page, Gazetteer, TestText.English);

    private static string OnlyError(Dictionary<string, string[]> errors, string field)
    {
        Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}', got: {string.Join(", ", errors.Keys)}");
        return Assert.Single(errors[field]);
    }

    [Fact]
    public void NoFilters_SearchesEverythingWithTheDefaultRadiusFromPageOne()
    {
        var (query, errors) = Parse();

        Assert.Empty(errors);
        Assert.Equal(GroupSearchQuery.Everything, query);
        Assert.False(query!.HasFilters);
    }

    [Fact]
    public void KebabWords_ParseIntoTheirValues()
    {
        var (query, errors) = Parse(
            audience: "caregivers", cancer: "head-and-neck", modality: "in-person", language: " ES ",
            day: "tuesday", time: "evening", zip: "60614", radius: "50", page: "2");

        Assert.Empty(errors);
        Assert.Equal(
            new GroupSearchQuery(Audience.Caregivers, CancerType.HeadAndNeck, Modality.InPerson, "es",
                DayOfWeek.Tuesday, TimeOfDay.Evening, "60614", 50, 2),
            query);
        Assert.True(query!.HasFilters);
    }

    [Theory]
    [InlineData("online-text", Modality.OnlineText)]
    [InlineData("OnlineText", Modality.OnlineText)]
    [InlineData("HYBRID", Modality.Hybrid)]
    public void Modality_AcceptsKebabAndPascalCaseInAnyCase(string text, Modality expected)
    {
        var (query, errors) = Parse(modality: text);

        Assert.Empty(errors);
        Assert.Equal(expected, query!.Modality);
    }

    [Fact]
    public void Audience_UnknownWord_IsRefusedWithTheChoices()
    {
        var (query, errors) = Parse(audience: "teenagers");

        Assert.Null(query);
        Assert.Equal("Who the group is for must be one of: patients, survivors, caregivers, bereaved, mixed.",
            OnlyError(errors, "audience"));
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("cancer")]
    [InlineData("modality")]
    [InlineData("day")]
    [InlineData("time")]
    public void NumericEnumString_IsRefused(string field)
    {
        // Enum.TryParse would quietly accept "3"; the directory only speaks in words.
        var (query, errors) = field switch
        {
            "audience" => Parse(audience: "3"),
            "cancer" => Parse(cancer: "3"),
            "modality" => Parse(modality: "3"),
            "day" => Parse(day: "3"),
            _ => Parse(time: "3"),
        };

        Assert.Null(query);
        Assert.Contains("must be one of:", OnlyError(errors, field), StringComparison.Ordinal);
    }

    [Fact]
    public void Modality_UnknownWord_ListsTheModalitiesAsKebabWords()
    {
        var (_, errors) = Parse(modality: "carrier-pigeon");

        Assert.Equal("How the group meets must be one of: in-person, video, phone, online-text, hybrid.",
            OnlyError(errors, "modality"));
    }

    [Fact]
    public void Language_Unknown_IsRefusedWithTheSupportedCodes()
    {
        var (query, errors) = Parse(language: "klingon");

        Assert.Null(query);
        Assert.StartsWith("Language must be one of: en, es,", OnlyError(errors, "language"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("606145")]
    [InlineData("6061a")]
    public void Zip_NotFiveDigits_AsksForAFiveDigitZip(string zip)
    {
        var (query, errors) = Parse(zip: zip);

        Assert.Null(query);
        Assert.Equal("Please enter a 5-digit US ZIP code, like 60614.", OnlyError(errors, "zip"));
    }

    [Fact]
    public void Zip_Unknown_SaysItWasNotFound()
    {
        var (query, errors) = Parse(zip: "00000");

        Assert.Null(query);
        Assert.Equal("We could not find ZIP code 00000. Please check it, or try a nearby ZIP code.", OnlyError(errors, "zip"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("2.5")]
    public void Radius_OutsideOneToFiveHundredWholeMiles_IsRefused(string radius)
    {
        var (query, errors) = Parse(zip: "60614", radius: radius);

        Assert.Null(query);
        Assert.Equal("Distance must be a whole number of miles from 1 to 500.", OnlyError(errors, "radius"));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("500", 500)]
    public void Radius_AtTheLimits_IsAccepted(string radius, int expected)
    {
        var (query, errors) = Parse(zip: "60614", radius: radius);

        Assert.Empty(errors);
        Assert.Equal(expected, query!.RadiusMiles);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("first")]
    public void Page_OutsideOneToAThousand_IsRefused(string page)
    {
        var (query, errors) = Parse(page: page);

        Assert.Null(query);
        Assert.Equal("Page must be a whole number from 1 to 1000.", OnlyError(errors, "page"));
    }

    [Fact]
    public void SeveralBadFilters_AreAllReportedTogether()
    {
        var (query, errors) = Parse(audience: "x", day: "someday", zip: "1234", radius: "abc", page: "0");

        Assert.Null(query);
        Assert.Equal(["audience", "day", "page", "radius", "zip"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
