using System.Globalization;

namespace PolicyLoop.Bench.Replay;

/// <summary>The arguments of <c>bench/run replay</c>.</summary>
internal sealed record ReplayBenchmarkOptions(long Events, long CheckEvents, long KeyEvents, int? KeysSide)
{
    /// <summary>With <c>--replay-only</c>: time the replay alone, without the reading passes, the check and the key runs, for profiling.</summary>
    public bool ReplayOnly { get; init; }

    public static ReplayBenchmarkOptions Parse(string[] args)
    {
        var options = new ReplayBenchmarkOptions(10_000_000, 1_000_000, 3_000_000, null);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--replay-only")
            {
                options = options with { ReplayOnly = true };
                continue;
            }

            var value = i + 1 < args.Length
                ? long.Parse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture)
                : throw new ArgumentException($"{args[i]} needs a number");
            options = args[i] switch
            {
                "--events" => options with { Events = value },
                "--check-events" => options with { CheckEvents = value },
                "--key-events" => options with { KeyEvents = value },
                "--keys-side" => options with { KeysSide = checked((int)value) },
                _ => throw new ArgumentException(
                    $"unknown option {args[i]}; expected --events N, --check-events N, --key-events N or --replay-only"),
            };
            i++;
        }

        return options;
    }
}
