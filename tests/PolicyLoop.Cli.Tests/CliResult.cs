namespace PolicyLoop.Cli.Tests;

/// <summary>Exit code and output of one CLI run.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
