using System.Globalization;

namespace PolicyLoop.Bench.Ingest;

/// <summary>Arguments of the ingest benchmark; <c>--side</c> and <c>--store</c> are for its child processes.</summary>
internal sealed record IngestBenchmarkOptions(string? LogPath, int? SizeMb, int? Seed, string? Side, string? StorePath)
{
    public static IngestBenchmarkOptions Parse(string[] args)
    {
        var options = new IngestBenchmarkOptions(null, null, null, null, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length
                ? args[++i]
                : throw new ArgumentException($"{args[i]} needs a value");

            options = args[i] switch
            {
                "--size-mb" => options with { SizeMb = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--side" => options with { Side = Value() },
                "--store" => options with { StorePath = Value() },
                var path when !path.StartsWith("--", StringComparison.Ordinal) => options with { LogPath = path },
                var unknown => throw new ArgumentException(
                    $"unknown option {unknown}; usage: bench/run ingest [PATH] [--size-mb N] [--seed N]"),
            };
        }

        return options;
    }
}
