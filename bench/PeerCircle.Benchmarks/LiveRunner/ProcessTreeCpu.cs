using System.Globalization;

namespace PeerCircle.Benchmarks.LiveRunner;

/// <summary>
/// CPU time of this program's descendants other than the app server: the Playwright driver and the Chromium it
/// started (browser, renderers, GPU and utility processes), read from /proc. Processes that have already exited are
/// not counted, so it is a lower bound when Chromium replaces a process mid-run.
/// </summary>
public static class ProcessTreeCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan BrowserTime(int serverPid)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state ppid ... utime(14) stime(15): comm may hold spaces, so count from its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }
        var self = Environment.ProcessId;
        long total = 0;
        foreach (var (pid, used) in ticks)
        {
            if (pid != self && DescendsFrom(pid, self, serverPid, parents))
            {
                total += used;
            }
        }
        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }

    /// <summary>Whether <paramref name="pid"/> is below <paramref name="root"/> and not in the server's subtree.</summary>
    private static bool DescendsFrom(int pid, int root, int excluded, Dictionary<int, int> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var parent) && current > 1; current = parent)
        {
            if (current == excluded)
            {
                return false;
            }
            if (parent == root)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
