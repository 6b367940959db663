namespace PolicyLoop.Cli;

/// <summary>Checks an output folder option before a command does its work.</summary>
internal static class OutputFolder
{
    /// <summary>Raises a usage error when <paramref name="folder"/> names an existing file.</summary>
    public static void RequireFolder(string? folder)
    {
        if (folder is not null && File.Exists(folder))
        {
            throw new UsageException($"--out {folder} is a file, not a folder; pass a folder for the report");
        }
    }
}
