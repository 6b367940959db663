using System.Diagnostics;

namespace PolicyLoop.Cli.Tests;

/// <summary>Runs the built policyloop executable as a child process in a working folder.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string ExecutablePath { get; } = Path.Combine(AppContext.BaseDirectory, "policyloop");

    /// <summary>The repository root, found by walking up to the solution file.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, string[] args, string? stdin = null)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PolicyLoop.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("PolicyLoop.slnx not found above the test folder");
    }
}
