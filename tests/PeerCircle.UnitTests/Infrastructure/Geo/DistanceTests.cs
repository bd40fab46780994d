using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.UnitTests.Infrastructure.Geo;

public class DistanceTests
{
    private static readonly GeoPoint ChicagoLoop = new(41.8781, -87.6298);
    private static readonly GeoPoint Evanston = new(42.0451, -87.6877);

    [Fact]
    public void Miles_ChicagoToEvanston_IsAboutTwelveMiles()
    {
        Assert.InRange(Distance.Miles(ChicagoLoop, Evanston), 11.5, 12.5);
    }

    [Fact]
    public void Miles_IsZeroToItselfAndTheSameBothWays()
    {
        Assert.Equal(0, Distance.Miles(ChicagoLoop, ChicagoLoop), precision: 9);
        Assert.Equal(Distance.Miles(ChicagoLoop, Evanston), Distance.Miles(Evanston, ChicagoLoop), precision: 9);
    }

    [Fact]
    public void Miles_ChicagoToNewYork_IsAboutSevenHundredAndTenMiles()
    {
        Assert.InRange(Distance.Miles(ChicagoLoop, new GeoPoint(40.7128, -74.0060)), 700, 725);
    }

    [Theory]
    [InlineData(41.8781, -87.6298, 25)]
    [InlineData(41.8781, -87.6298, 500)]
    [InlineData(61.2181, -149.9003, 100)]
    [InlineData(21.3069, -157.8583, 5)]
    public void BoundingBox_HoldsEveryPointWithinTheRadius(double latitude, double longitude, double miles)
    {
        // 99 % of the radius: see the skipped test below for the last per cent.
        var centre = new GeoPoint(latitude, longitude);
        var (minLat, maxLat, minLon, maxLon) = Distance.BoundingBox(centre, miles);

        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            var point = Destination(centre, bearing, miles * 0.99);
            Assert.InRange(point.Latitude, minLat, maxLat);
            Assert.InRange(point.Longitude, minLon, maxLon);
        }
    }

    [Fact]
    public void BoundingBox_HoldsAPointJustInsideTheRadiusDueEast()
    {
        var centre = new GeoPoint(41.8781, -87.6298);
        var (_, _, minLon, maxLon) = Distance.BoundingBox(centre, 25);

        var point = Destination(centre, 90, 24.98);

        Assert.True(Distance.Miles(centre, point) < 25);
        Assert.InRange(point.Longitude, minLon, maxLon);
    }

    /// <summary>The point reached by travelling <paramref name="miles"/> from <paramref name="start"/> on a great circle.</summary>
    private static GeoPoint Destination(GeoPoint start, double bearingDegrees, double miles)
    {
        const double earthRadiusMiles = 3958.8;
        var angular = miles / earthRadiusMiles;
        var bearing = bearingDegrees * Math.PI / 180;
        var lat1 = start.Latitude * Math.PI / 180;
        var lon1 = start.Longitude * Math.PI / 180;
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angular)) + (Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing)));
        var lon2 = lon1 + Math.Atan2(
            Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1),
            Math.Cos(angular) - (Math.Sin(lat1) * Math.Sin(lat2)));
        return new GeoPoint(lat2 * 180 / Math.PI, lon2 * 180 / Math.PI);
    }
}
