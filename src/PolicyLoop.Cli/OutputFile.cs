namespace PolicyLoop.Cli;

/// <summary>Checks an output file option before a command does its work, so that a bad path is a usage error.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Raises a usage error when <paramref name="path"/> names a folder, sits in a folder that does not exist, or,
    /// unless <paramref name="overwrite"/>, names a file that exists already.
    /// </summary>
    public static void Require(string option, string path, bool overwrite)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option} {path} is a folder; pass a file name, such as {Path.Combine(path, "out.txt")}");
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"cannot write {path}: the folder {folder} does not exist; create it first");
        }

        if (!overwrite && File.Exists(path))
        {
            throw new UsageException($"{option} {path} exists already; pass another file name, or --force to replace it");
        }
    }

    /// <summary>Writes through <paramref name="write"/>, turning a file system refusal into a usage error.</summary>
    public static void Write(string path, Action<StreamWriter> write)
    {
        try
        {
            using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            write(writer);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"cannot write {path}: {ex.Message}");
        }
    }
}
