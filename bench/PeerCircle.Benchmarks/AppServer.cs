using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PeerCircle.Benchmarks;

/// <summary>
/// The real app as a child process (<c>dotnet PeerCircle.Web.dll</c>), so its memory and CPU are its own and can be
/// read from <c>/proc</c>. Output goes to a log file; the process is always killed when this is disposed.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly CancellationTokenSource _stopSampling = new();
    private readonly Task _sampler;
    private long _phaseMaxRssKb;

    private AppServer(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
        _sampler = Task.Run(SampleAsync);
    }

    public Uri BaseAddress { get; }
    public string LogPath { get; }
    public int ProcessId => _process.Id;

    public static Task<AppServer> StartAsync(string appDll, string workDir, string databasePath, bool logSql,
        IEnumerable<KeyValuePair<string, string>> extraEnvironment) =>
        StartAsync(appDll, workDir, PeerCircle.Data.DatabaseProvider.Sqlite, $"Data Source={databasePath}", logSql, extraEnvironment);

    /// <summary>Starts the app on a SQLite file or a PostgreSQL database (<c>Database__Provider</c> and its connection string).</summary>
    public static async Task<AppServer> StartAsync(string appDll, string workDir, PeerCircle.Data.DatabaseProvider provider,
        string connectionString, bool logSql, IEnumerable<KeyValuePair<string, string>> extraEnvironment)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(DotnetHost(), [appDll])
        {
            // The app reads appsettings.json from its content root, the working folder: run it from its own folder.
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        if (provider == PeerCircle.Data.DatabaseProvider.Postgres)
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = connectionString;
        }
        else
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Sqlite"] = connectionString;
        }
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Email__PickupDirectory"] = Path.Combine(workDir, "outbox");
        // Links the app builds (e-mail, calendars) point at the address it serves.
        start.Environment["App__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/');
        if (logSql)
        {
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        foreach (var (name, value) in extraEnvironment)
        {
            start.Environment[name] = value;
        }

        var logPath = Path.Combine(workDir, "server.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {start.FileName} {appDll}.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, log, baseAddress, logPath);
        try
        {
            await server.WaitUntilLiveAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A last line after the server was stopped.
            }
        }
    }

    private async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} while starting. Its log ({LogPath}) ends:\n{LogTail(30)}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(DirectoryQueries.BarePath, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not answer {DirectoryQueries.BarePath} within {timeout.TotalSeconds} s. Log tail:\n{LogTail(30)}");
    }

    public string LogTail(int lines)
    {
        lock (_log)
        {
            _log.Flush();
        }
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    /// <summary>Resident set size now, and the kernel's high-water mark (VmHWM) since start or the last reset, in KiB.</summary>
    public (long RssKb, long HwmKb) Memory()
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = ParseKb(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = ParseKb(line);
                }
            }
        }
        catch (IOException)
        {
            // The process has gone; report what we have.
        }
        return (rss, hwm);
    }

    /// <summary>
    /// Starts a new measuring phase: resets the highest sampled RSS and, where the kernel lets us, VmHWM itself
    /// (writing 5 to /proc/PID/clear_refs). Returns whether VmHWM was reset.
    /// </summary>
    public bool ResetPeak()
    {
        Interlocked.Exchange(ref _phaseMaxRssKb, Memory().RssKb);
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Highest RSS seen by the 100 ms sampler since the last <see cref="ResetPeak"/>, in KiB.</summary>
    public long PhaseMaxRssKb => Math.Max(Interlocked.Read(ref _phaseMaxRssKb), Memory().RssKb);

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
    }

    public int ThreadCount()
    {
        _process.Refresh();
        return _process.HasExited ? 0 : _process.Threads.Count;
    }

    public bool HasExited => _process.HasExited;

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(_stopSampling.Token))
            {
                var rss = Memory().RssKb;
                long seen;
                do
                {
                    seen = Interlocked.Read(ref _phaseMaxRssKb);
                }
                while (rss > seen && Interlocked.CompareExchange(ref _phaseMaxRssKb, rss, seen) != seen);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private static long ParseKb(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The <c>dotnet</c> host: the one the SDK named, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dotnet"))
            .FirstOrDefault(File.Exists);
        return onPath ?? "dotnet";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopSampling.CancelAsync();
        try
        {
            await _sampler;
        }
        catch (OperationCanceledException)
        {
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
        _stopSampling.Dispose();
    }
}
