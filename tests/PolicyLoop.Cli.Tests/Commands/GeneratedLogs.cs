using System.Globalization;
using System.Text;
using PolicyLoop.Core;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Tests.Commands;

/// <summary>Seeded decision logs for the anomaly commands: Apache access logs and rule-level events.</summary>
internal static class GeneratedLogs
{
    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// An Apache combined log with <paramref name="perHour"/> requests an hour; each is a 403 with
    /// probability <paramref name="rejectRate"/>(hour index).
    /// </summary>
    public static string ApacheLog(int hours, int perHour, Func<int, double> rejectRate, int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var hour = 0; hour < hours; hour++)
        {
            for (var i = 0; i < perHour; i++)
            {
                var time = Start.AddHours(hour).AddSeconds(i * 3600.0 / perHour);
                var status = random.NextDouble() < rejectRate(hour) ? 403 : 200;
                text.Append(CultureInfo.InvariantCulture, $"10.0.{random.Next(256)}.{random.Next(256)} - - ")
                    .Append(time.ToString("[dd/MMM/yyyy:HH:mm:ss +0000]", CultureInfo.InvariantCulture))
                    .Append(CultureInfo.InvariantCulture, $" \"GET /item/{i} HTTP/1.1\" {status} 512 \"-\" \"curl/8.5\"\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes events of two WAF rules into a store: 300 requests per five minutes, rule <c>sqli</c>
    /// rejecting 3% of them and rule <c>xss</c> 2% until <paramref name="xssStopsAtBucket"/>.
    /// </summary>
    public static void WriteRuleEvents(string storePath, int buckets, int xssStopsAtBucket, int seed = 5)
    {
        var random = new Random(seed);
        var events = new List<DecisionEvent>();
        using var store = DuckDbEventStore.Open(storePath);
        for (var b = 0; b < buckets; b++)
        {
            for (var i = 0; i < 300; i++)
            {
                var draw = random.NextDouble();
                string? rule = null;
                if (draw < 0.03)
                {
                    rule = "sqli";
                }
                else if (draw < 0.05 && b < xssStopsAtBucket)
                {
                    rule = "xss";
                }
                events.Add(new DecisionEvent
                {
                    EventId = $"b{b}-{i}",
                    Time = Start.AddMinutes(5 * b).AddSeconds(i),
                    Source = "aws-waf",
                    PolicyId = "edge-acl",
                    RuleId = rule,
                    Decision = rule is null ? Decision.Allow : Decision.Deny,
                });
            }

            if (events.Count > 50_000)
            {
                store.StoreBatch(events, []);
                events.Clear();
            }
        }

        store.StoreBatch(events, []);
    }
}
