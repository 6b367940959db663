using System.Globalization;
using System.Text.Json;

namespace PolicyLoop.Bench.Ingest;

/// <summary>What one side of the ingest benchmark measured in its own process.</summary>
internal sealed record SideResult(double Seconds, double CpuSeconds, long Rows, long PeakWorkingSetBytes, long StoreBytes)
{
    private const string Marker = "side-result: ";

    /// <summary>Prints the result as the child process's last line, for the parent to read.</summary>
    public void Print() => Console.WriteLine(Marker + JsonSerializer.Serialize(
        new Dictionary<string, double>
        {
            ["seconds"] = Seconds,
            ["cpu_seconds"] = CpuSeconds,
            ["rows"] = Rows,
            ["peak_working_set_bytes"] = PeakWorkingSetBytes,
            ["store_bytes"] = StoreBytes,
        }));

    public static SideResult? TryParse(string line)
    {
        if (!line.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, double>>(line[Marker.Length..])!;
        return new SideResult(
            values["seconds"],
            values["cpu_seconds"],
            (long)values["rows"],
            (long)values["peak_working_set_bytes"],
            (long)values["store_bytes"]);
    }

    /// <summary>Returns the processor time the process used so far, on all its threads.</summary>
    public static double ReadCpuSeconds()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>
    /// Reads the process's peak resident set (VmHWM) from /proc/self/status, which counts native
    /// memory such as DuckDB's buffers too; falls back to <see cref="System.Diagnostics.Process.PeakWorkingSet64"/>.
    /// </summary>
    public static long ReadPeakWorkingSet()
    {
        const string Key = "VmHWM:";
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(Key, StringComparison.Ordinal))
                {
                    var kilobytes = line[Key.Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
