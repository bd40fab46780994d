using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.UnitTests.Features.Groups;

public class DirectoryFilterTests
{
    private static GroupListing Listing(
        Audience audience = Audience.Caregivers, Modality modality = Modality.InPerson, string language = "en",
        DayOfWeek day = DayOfWeek.Tuesday, int startMinute = 18 * 60, params CancerType[] cancers) =>
        new(Guid.NewGuid(), "slug", "Name", "About", audience, cancers, GroupType.OpenForum, MembershipPolicy.Open,
            modality, language, GroupStatus.Active, 10, "Chicago", "IL", 41.9, -87.6, Frequency.Weekly, day, 1,
            startMinute, 90, "America/Chicago", null);

    private static bool Finds(GroupListing listing, GroupSearchQuery query) =>
        new DirectoryFilter(query).Matches(DirectoryKey.Of(listing));

    private static GroupSearchQuery Query(
        Audience? audience = null, CancerType? cancer = null, Modality? modality = null, string? language = null,
        DayOfWeek? day = null, TimeOfDay? time = null) =>
        GroupSearchQuery.Everything with { Audience = audience, CancerType = cancer, Modality = modality, Language = language, Day = day, TimeOfDay = time };

    [Fact]
    public void EveryCancerType_FitsInTheFilterMask()
    {
        Assert.True(Enum.GetValues<CancerType>().Max(c => (int)c) < 32);
    }

    [Fact]
    public void NoFilters_FindEveryGroup()
    {
        Assert.True(Finds(Listing(), GroupSearchQuery.Everything));
    }

    [Fact]
    public void MixedGroups_WelcomeEveryAudience_OthersOnlyTheirOwn()
    {
        Assert.True(Finds(Listing(audience: Audience.Mixed), Query(audience: Audience.Bereaved)));
        Assert.True(Finds(Listing(audience: Audience.Caregivers), Query(audience: Audience.Caregivers)));
        Assert.False(Finds(Listing(audience: Audience.Caregivers), Query(audience: Audience.Patients)));
    }

    [Fact]
    public void GroupsOpenToAnyCancer_MatchEveryCancerSearch_FocusedGroupsOnlyTheirTypes()
    {
        Assert.True(Finds(Listing(), Query(cancer: CancerType.Sarcoma)));
        Assert.True(Finds(Listing(cancers: [CancerType.Breast, CancerType.Lung]), Query(cancer: CancerType.Lung)));
        Assert.False(Finds(Listing(cancers: [CancerType.Breast]), Query(cancer: CancerType.Prostate)));
    }

    [Theory]
    [InlineData(Modality.Hybrid, Modality.InPerson, true)]
    [InlineData(Modality.Hybrid, Modality.Video, true)]
    [InlineData(Modality.Hybrid, Modality.Phone, false)]
    [InlineData(Modality.Video, Modality.InPerson, false)]
    [InlineData(Modality.Phone, Modality.Phone, true)]
    public void HybridGroups_CountAsInPersonAndVideo(Modality group, Modality wanted, bool found)
    {
        Assert.Equal(found, Finds(Listing(modality: group), Query(modality: wanted)));
    }

    [Fact]
    public void LanguageDayAndTime_MustAllMatch()
    {
        var spanishSaturdayMorning = Listing(language: "es", day: DayOfWeek.Saturday, startMinute: 10 * 60);

        Assert.True(Finds(spanishSaturdayMorning, Query(language: "es", day: DayOfWeek.Saturday, time: TimeOfDay.Morning)));
        Assert.False(Finds(spanishSaturdayMorning, Query(language: "en")));
        Assert.False(Finds(spanishSaturdayMorning, Query(day: DayOfWeek.Sunday)));
        Assert.False(Finds(spanishSaturdayMorning, Query(time: TimeOfDay.Evening)));
    }

    [Theory]
    [InlineData(11 * 60 + 59, TimeOfDay.Morning)]
    [InlineData(12 * 60, TimeOfDay.Afternoon)]
    [InlineData(16 * 60 + 59, TimeOfDay.Afternoon)]
    [InlineData(17 * 60, TimeOfDay.Evening)]
    public void StartTimes_FallIntoOnePartOfTheDay(int startMinute, TimeOfDay part)
    {
        foreach (var time in Enum.GetValues<TimeOfDay>())
        {
            Assert.Equal(time == part, Finds(Listing(startMinute: startMinute), Query(time: time)));
        }
    }
}
