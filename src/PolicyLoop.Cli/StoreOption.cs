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

    /// <summary>
    /// The <c>--store</c> argument to repeat in a printed follow-up command: empty for the default store, otherwise
    /// the path, single-quoted for a POSIX shell when it contains anything but plain path characters.
    /// </summary>
    public static string ForCommand(string path)
    {
        if (path == DefaultPath)
        {
            return "";
        }

        var plain = path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_');
        return plain ? $" --store {path}" : $" --store '{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }
}
