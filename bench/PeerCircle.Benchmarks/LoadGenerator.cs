using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PeerCircle.Benchmarks;

/// <summary>Latencies of one kind of request in one phase, in Stopwatch ticks.</summary>
public sealed class LatencyStats
{
    private readonly long[] _sorted;

    public LatencyStats(IEnumerable<long> ticks)
    {
        _sorted = ticks.ToArray();
        Array.Sort(_sorted);
    }

    /// <summary>From milliseconds measured some other way (for example two Date.now() readings).</summary>
    public static LatencyStats FromMilliseconds(IEnumerable<double> milliseconds) =>
        new(milliseconds.Select(ms => (long)Math.Round(ms * Stopwatch.Frequency / 1000)));

    public int Count => _sorted.Length;

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double p) => _sorted.Length == 0
        ? double.NaN
        : ToMs(_sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)]);

    public double Max => _sorted.Length == 0 ? double.NaN : ToMs(_sorted[^1]);
    public double Mean => _sorted.Length == 0 ? double.NaN : ToMs((long)_sorted.Average());

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

public sealed record PhaseResult(
    string Name,
    TimeSpan Elapsed,
    LatencyStats All,
    IReadOnlyDictionary<QueryKind, LatencyStats> ByKind,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByKind,
    IReadOnlyList<string> ErrorSamples,
    long ResponseBytes,
    TimeSpan ServerCpu,
    TimeSpan ClientCpu,
    long ServerPeakRssKb,
    long ServerHwmKb,
    bool HwmWasReset,
    long ServerRssAtEndKb,
    TimeSpan MachineBusyCpu,
    double LoadAverageAtEnd)
{
    /// <summary>CPU time that neither the server nor this load generator used: other processes on the machine.</summary>
    public TimeSpan OtherCpu => MachineBusyCpu - ServerCpu - ClientCpu > TimeSpan.Zero ? MachineBusyCpu - ServerCpu - ClientCpu : TimeSpan.Zero;

    public double RequestsPerSecond => All.Count / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop load generator: N workers, each sending its next request as soon as the last one is fully read,
/// over N kept-alive HTTP/1.1 connections, until the phase's time is up or its request cap is reached. Requests
/// in flight at the deadline are finished and counted; the phase ends when the last worker stops.
/// </summary>
public sealed class LoadGenerator(HttpClient client, int clients, long maxRequestsPerPhase)
{
    public static HttpClient CreateClient(Uri baseAddress, int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(clients, 50) + 8,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    public async Task<PhaseResult> RunAsync(string name, IReadOnlyList<LoadRequest> requests, TimeSpan duration,
        AppServer server, CancellationToken cancellationToken)
    {
        var hwmReset = server.ResetPeak();
        var serverCpuBefore = server.CpuTime();
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineBefore = MachineCpu.BusyTime();
        var errorsByKind = new ConcurrentDictionary<string, long>();
        var errorSamples = new ConcurrentQueue<string>();
        long issued = 0, next = 0, bytes = 0;
        var perWorker = new List<(long Ticks, QueryKind Kind)>[clients];

        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<(long, QueryKind)>(capacity: 16_384);
            perWorker[worker] = latencies;
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested
                && Interlocked.Increment(ref issued) <= maxRequestsPerPhase)
            {
                var request = requests[(int)((Interlocked.Increment(ref next) - 1) % requests.Count)];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(
                        new Uri(request.Url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    long read = 0;
                    int n;
                    while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        read += n;
                    }
                    var elapsed = Stopwatch.GetTimestamp() - started;
                    Interlocked.Add(ref bytes, read);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add((elapsed, request.Kind));
                    }
                    else
                    {
                        errorsByKind.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, c) => c + 1);
                        if (errorSamples.Count < 5)
                        {
                            errorSamples.Enqueue($"{(int)response.StatusCode} {request.Url}");
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    errorsByKind.AddOrUpdate(ex.GetType().Name, 1, (_, c) => c + 1);
                    if (errorSamples.Count < 5)
                    {
                        errorSamples.Enqueue($"{ex.GetType().Name}: {ex.Message} ({request.Url})");
                    }
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var machineBusy = MachineCpu.BusyTime() - machineBefore;

        var all = perWorker.Where(w => w is not null).SelectMany(w => w).ToList();
        var byKind = all.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => new LatencyStats(g.Select(l => l.Ticks)));
        var (rssAtEnd, hwm) = server.Memory();
        return new PhaseResult(
            name,
            clock.Elapsed,
            new LatencyStats(all.Select(l => l.Ticks)),
            byKind,
            errorsByKind.Values.Sum(),
            errorsByKind,
            errorSamples.ToList(),
            bytes,
            server.CpuTime() - serverCpuBefore,
            Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore,
            server.PhaseMaxRssKb,
            hwm,
            hwmReset,
            rssAtEnd,
            machineBusy,
            MachineCpu.LoadAverage());
    }
}

/// <summary>Whole-machine CPU from /proc, to show how much other processes took during a phase.</summary>
public static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan BusyTime()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            long Field(int i) => fields.Length > i ? long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
