using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PeerCircle.Data.Groups;
using PeerCircle.Web;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Benchmarks.Micro;

public static class MicroConfig
{
    /// <summary>In-process and short: cheap enough to run on a developer's machine between changes.</summary>
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default);
}

/// <summary>The CPU-only pieces of a directory search: parsing the query, finding the ZIP, shaping a page of results.</summary>
public class DirectoryMicroBenchmarks
{
    private ZipGazetteer _gazetteer = null!;
    private IStringLocalizer<SharedResource> _text = null!;
    private ServiceProvider _services = null!;
    private GroupSearchResult _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gazetteer = ZipGazetteer.LoadShipped();
        _services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .BuildServiceProvider();
        _text = _services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var listing = new GroupListing(Guid.NewGuid(), "chicago-breast-cancer-survivors-circle-17", "Chicago Breast Cancer Survivors Circle",
            "We meet to share what helps.", Audience.Survivors, [CancerType.Breast], GroupType.OpenForum, MembershipPolicy.Open,
            Modality.Hybrid, "en", GroupStatus.Recruiting, 12, "Chicago", "IL", 41.92, -87.65, Frequency.Weekly, DayOfWeek.Tuesday,
            1, 18 * 60, 90, "America/Chicago", 2.4);
        _page = new GroupSearchResult(Enumerable.Repeat(listing, GroupSearchQuery.PageSize).ToList(), 137, 1, GroupSearchQuery.PageSize, "60614");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public GroupSearchQuery? ParseNoFilters() =>
        GroupSearchQuery.Parse(null, null, null, null, null, null, null, null, null, _gazetteer, _text).Query;

    [Benchmark]
    public GroupSearchQuery? ParseZipAndAllFilters() =>
        GroupSearchQuery.Parse("caregivers", "head-and-neck", "in-person", "es", "tuesday", "evening", "60614", "25", "2", _gazetteer, _text).Query;

    [Benchmark]
    public bool ZipLookupHit() => _gazetteer.TryFind("60614", out _);

    [Benchmark]
    public bool ZipLookupMiss() => _gazetteer.TryFind("00000", out _);

    [Benchmark]
    public double DistanceMiles() => Distance.Miles(new GeoPoint(41.92, -87.65), new GeoPoint(40.75, -73.99));

    [Benchmark]
    public GroupSearchResponse ShapeResponsePage() => GroupSearchResponse.From(_page);
}
