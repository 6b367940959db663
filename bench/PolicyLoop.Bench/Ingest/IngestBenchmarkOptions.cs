using System.Globalization;

namespace PolicyLoop.Bench.Ingest;

/// <summary>
/// Arguments of the ingest benchmark. <c>--batch-size</c> and <c>--duckdb-set</c> change the
/// PolicyLoop side for experiments; <c>--side</c> and <c>--store</c> are for its child processes.
/// </summary>
internal sealed record IngestBenchmarkOptions(
    string? LogPath,
    int? SizeMb,
    int? Seed,
    string? Side,
    string? StorePath,
    int? BatchSize,
    IReadOnlyList<string> Settings)
{
    public static IngestBenchmarkOptions Parse(string[] args)
    {
        var options = new IngestBenchmarkOptions(null, null, null, null, null, null, []);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length
                ? args[++i]
                : throw new ArgumentException($"{args[i]} needs a value");

            options = args[i] switch
            {
                "--size-mb" => options with { SizeMb = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--batch-size" => options with { BatchSize = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--duckdb-set" => options with { Settings = [.. options.Settings, Value()] },
                "--side" => options with { Side = Value() },
                "--store" => options with { StorePath = Value() },
                var path when !path.StartsWith("--", StringComparison.Ordinal) => options with { LogPath = path },
                var unknown => throw new ArgumentException(
                    $"unknown option {unknown}; usage: bench/run ingest [PATH] [--size-mb N] [--seed N] "
                    + "[--batch-size N] [--duckdb-set 'name = value']..."),
            };
        }

        return options;
    }

    /// <summary>Returns the experiment arguments again, for the PolicyLoop child process.</summary>
    public IEnumerable<string> PassThrough()
    {
        if (BatchSize is { } size)
        {
            yield return "--batch-size";
            yield return size.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var setting in Settings)
        {
            yield return "--duckdb-set";
            yield return setting;
        }
    }
}
