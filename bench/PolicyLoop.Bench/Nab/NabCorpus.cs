using System.Globalization;
using System.Text.Json;

namespace PolicyLoop.Bench.Nab;

/// <summary>Reads the NAB series, windows and cost profiles from a copy of the NAB repository.</summary>
internal static class NabCorpus
{
    private const string DataTimeFormat = "yyyy-MM-dd HH:mm:ss";
    private const string WindowTimeFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    /// <summary>Loads every series listed in <c>labels/combined_windows.json</c>, in name order.</summary>
    public static IReadOnlyList<NabSeries> LoadSeries(string nabDirectory)
    {
        using var windowsJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(nabDirectory, "labels", "combined_windows.json")));
        var series = new List<NabSeries>();
        foreach (var entry in windowsJson.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var (times, values) = ReadCsv(Path.Combine(nabDirectory, "data", entry.Name));
            var windows = entry.Value.EnumerateArray()
                .Select(w => ToIndexes(times, ParseTime(w[0].GetString(), WindowTimeFormat), ParseTime(w[1].GetString(), WindowTimeFormat)))
                .ToArray();
            series.Add(new NabSeries(entry.Name, times, values, windows));
        }

        return series;
    }

    /// <summary>Loads the cost profiles from <c>config/profiles.json</c>.</summary>
    public static IReadOnlyList<NabProfile> LoadProfiles(string nabDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(nabDirectory, "config", "profiles.json")));
        return json.RootElement.EnumerateObject()
            .Select(p =>
            {
                var costs = p.Value.GetProperty("CostMatrix");
                return new NabProfile(
                    p.Name,
                    costs.GetProperty("tpWeight").GetDouble(),
                    costs.GetProperty("fnWeight").GetDouble(),
                    costs.GetProperty("fpWeight").GetDouble());
            })
            .ToArray();
    }

    /// <summary>Reads a <c>timestamp,value</c> file (a header line, then one row per line).</summary>
    public static (DateTime[] Times, double[] Values) ReadCsv(string path)
    {
        var times = new List<DateTime>();
        var values = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            times.Add(ParseTime(line[..comma], DataTimeFormat));
            values.Add(double.Parse(line.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return (times.ToArray(), values.ToArray());
    }

    public static DateTime ParseTime(string? text, string format) =>
        DateTime.ParseExact(text ?? "", format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static NabWindow ToIndexes(DateTime[] times, DateTime start, DateTime end)
    {
        var first = Array.FindIndex(times, t => t >= start);
        var last = Array.FindLastIndex(times, t => t <= end);
        if (first < 0 || last < first)
        {
            throw new InvalidDataException($"the window {start:O} to {end:O} contains no row");
        }

        return new NabWindow(first, last);
    }
}
