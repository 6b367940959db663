using PolicyLoop.Bench.Cel;
using PolicyLoop.Bench.Eval;

// Dispatches by the first argument: bench/run NAME [ARGS...].
var name = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return name switch
{
    "cel" => await CelConformance.RunAsync(rest),
    "eval" => await EvalBenchmark.RunAsync(rest),
    _ => Usage(name),
};

static int Usage(string name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; use one of: cel, eval");
    return 2;
}
