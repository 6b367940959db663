using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLoop.Core;

namespace PolicyLoop.Bench.Eval;

/// <summary>Reads the bundled Apache access log into decision events for the benchmark.</summary>
internal static partial class SampleEvents
{
    public static List<DecisionEvent> Load(string path)
    {
        var events = new List<DecisionEvent>();
        foreach (var line in File.ReadLines(path))
        {
            var match = LinePattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var target = match.Groups[4].Value;
            var question = target.IndexOf('?', StringComparison.Ordinal);
            events.Add(new DecisionEvent
            {
                EventId = events.Count.ToString(CultureInfo.InvariantCulture),
                Source = "apache",
                Time = DateTime.ParseExact(match.Groups[2].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal),
                ClientIp = match.Groups[1].Value,
                Method = match.Groups[3].Value,
                Path = question < 0 ? target : target[..question],
                Query = question < 0 ? null : target[(question + 1)..],
                Status = int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture),
                Bytes = match.Groups[6].Value == "-" ? null : long.Parse(match.Groups[6].Value, CultureInfo.InvariantCulture),
                Referer = match.Groups[7].Value is "-" ? null : match.Groups[7].Value,
                UserAgent = match.Groups[8].Value is "-" ? null : match.Groups[8].Value,
            });
        }

        return events;
    }

    [GeneratedRegex("""^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$""")]
    private static partial Regex LinePattern();
}
