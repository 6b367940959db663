using System.CommandLine;

namespace PolicyLoop.Cli;

/// <summary>The <c>--store</c> option shared by every command that reads or writes the store.</summary>
internal static class StoreOption
{
    public const string DefaultPath = ".policyloop/events.duckdb";

    public static Option<string> Create() => new("--store")
    {
        Description = "The store file (DuckDB), relative to the current folder.",
        DefaultValueFactory = _ => DefaultPath,
    };
}
