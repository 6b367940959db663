using PolicyLoop.Bench.Baseline;
using PolicyLoop.Bench.Cel;
using PolicyLoop.Bench.Eval;
using PolicyLoop.Bench.Explain;
using PolicyLoop.Bench.Ingest;
using PolicyLoop.Bench.Loghub;
using PolicyLoop.Bench.Nab;
using PolicyLoop.Bench.Replay;

// Every benchmark and evaluation harness of the project, by name. A harness is a class with
// `static Task<int> RunAsync(string[] args)`; add one row here to make `bench/run NAME` reach it.
(string Name, string Description, Func<string[], Task<int>> RunAsync)[] benchmarks =
[
    ("ingest", "ingest a generated 1 GB NDJSON decision log; compare with DuckDB's read_json", IngestBenchmark.RunAsync),
    ("cel", "run the CEL conformance tests that are inside the supported subset", CelConformance.RunAsync),
    ("eval", "evaluations per second of an edge policy against hand-written C#", EvalBenchmark.RunAsync),
    ("nab", "score the anomaly detectors on the NAB benchmark beside the published detectors", NabBenchmark.RunAsync),
    ("explain", "segment mining over 1 to 10 million generated events with 4 to 12 attributes", ExplainBenchmark.RunAsync),
    ("baseline", "compute reject-rate baselines over generated events; detector throughput", BaselineBenchmark.RunAsync),
    ("replay", "replay the edge policy over 10 million stored events; read and evaluate times", ReplayBenchmark.RunAsync),
    ("loghub", "grouping and parsing accuracy of the template miner on Loghub-2k", LoghubBenchmark.RunAsync),
    ("templates", "template-mining throughput over the Loghub-2k messages", LoghubBenchmark.RunThroughputAsync),
];

var name = args.Length > 0 ? args[0] : null;
foreach (var benchmark in benchmarks)
{
    if (benchmark.Name == name)
    {
        return await benchmark.RunAsync(args[1..]);
    }
}

if (name is not null)
{
    await Console.Error.WriteLineAsync($"error: unknown benchmark \"{name}\"");
}

Console.WriteLine("usage: bench/run NAME [ARGS]");
Console.WriteLine("benchmarks:");
foreach (var benchmark in benchmarks)
{
    Console.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
}

return name is null ? 0 : 2;
