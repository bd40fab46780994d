using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.UnitTests.Features.Calendars;

/// <summary>What a calendar says about where a group meets: the town for everyone, the rest for members only.</summary>
public class MeetingPlaceTextTests
{
    private static Group Meeting(Modality modality) => new()
    {
        Modality = modality,
        Place = new MeetingPlace
        {
            VenueName = "Library", AddressLine = "10 Oak St", City = "Austin", State = "TX", PostalCode = "78701",
            MeetingLink = modality is Modality.InPerson or Modality.Phone ? null : "https://meet.example/g",
            DialIn = modality == Modality.Phone ? "+1 555 0100" : null,
        },
    };

    [Theory]
    [InlineData(Modality.InPerson, "Austin, TX")]
    [InlineData(Modality.Hybrid, "Austin, TX, or by video")]
    [InlineData(Modality.Video, "Video meeting")]
    [InlineData(Modality.Phone, "Phone meeting")]
    [InlineData(Modality.OnlineText, "Online chat")]
    public void Visitors_SeeOnlyTheTownOrTheKindOfMeeting(Modality modality, string expected) =>
        Assert.Equal(expected, MeetingCalendarFile.Location(Meeting(modality), showPrivateDetails: false, TestText.English));

    [Theory]
    [InlineData(Modality.InPerson, "Library, 10 Oak St, Austin, TX, 78701")]
    [InlineData(Modality.Hybrid, "Library, 10 Oak St, Austin, TX, 78701, or by video: https://meet.example/g")]
    [InlineData(Modality.Video, "https://meet.example/g")]
    [InlineData(Modality.Phone, "+1 555 0100")]
    [InlineData(Modality.OnlineText, "https://meet.example/g")]
    public void Members_SeeTheAddressLinkOrDialIn(Modality modality, string expected) =>
        Assert.Equal(expected, MeetingCalendarFile.Location(Meeting(modality), showPrivateDetails: true, TestText.English));
}
