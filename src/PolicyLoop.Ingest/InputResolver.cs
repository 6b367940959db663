using Microsoft.Extensions.FileSystemGlobbing;

namespace PolicyLoop.Ingest;

/// <summary>
/// Expands the paths given to ingest into inputs: files, directories (every non-empty file below,
/// in ordinal order), glob patterns (<c>logs/**/*.gz</c>), and <c>-</c> for standard input.
/// A directory walk does not follow symbolic links to directories, so a link cycle cannot make it
/// read a file twice, and it skips empty files, which also skips FIFOs and sockets that would
/// block a read.
/// </summary>
public static class InputResolver
{
    /// <summary>
    /// Resolves paths. Each path that matches nothing and each folder that cannot be listed gives a
    /// message in <paramref name="problems"/>; the other paths are still resolved.
    /// </summary>
    public static IReadOnlyList<InputSpec> Resolve(
        IEnumerable<string> paths,
        Func<Stream> openStandardInput,
        out IReadOnlyList<string> problems)
    {
        var inputs = new List<InputSpec>();
        var found = new List<string>();
        foreach (var path in paths)
        {
            var before = inputs.Count;
            AddPath(path, openStandardInput, inputs, found);
            if (inputs.Count == before && !Directory.Exists(path))
            {
                found.Add(path.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown option {path}; run with --help for the options"
                    : $"no file matches {path}; check the path, or quote a glob pattern so the shell does not expand it");
            }
        }

        problems = found;
        return inputs;
    }

    private static void AddPath(string path, Func<Stream> openStandardInput, List<InputSpec> inputs, List<string> problems)
    {
        if (path == "-")
        {
            inputs.Add(new InputSpec("-", openStandardInput, null));
        }
        else if (File.Exists(path))
        {
            inputs.Add(FromFile(path, path));
        }
        else if (Directory.Exists(path))
        {
            var files = new List<string>();
            WalkDirectory(path, files, problems);
            inputs.AddRange(files.Order(StringComparer.Ordinal).Select(file => FromFile(file, file, discovered: true)));
        }
        else if (path.IndexOfAny(['*', '?']) >= 0)
        {
            inputs.AddRange(ExpandGlob(path));
        }
    }

    private static void WalkDirectory(string directory, List<string> files, List<string> problems)
    {
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                if (Directory.Exists(entry))
                {
                    if (new DirectoryInfo(entry).LinkTarget is null)
                    {
                        WalkDirectory(entry, files, problems);
                    }
                }
                else if (new FileInfo(entry).Length > 0)
                {
                    files.Add(entry);
                }
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            problems.Add($"cannot list the folder {directory}: {ex.Message.TrimEnd('.')}; check its permissions");
        }
    }

    private static IEnumerable<InputSpec> ExpandGlob(string pattern)
    {
        var root = GlobRoot(pattern);
        var relative = Path.GetRelativePath(root, pattern);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        return matcher.GetResultsInFullPath(root)
            .Order(StringComparer.Ordinal)
            .Select(file => FromFile(file, Path.GetRelativePath(Directory.GetCurrentDirectory(), file), discovered: true));
    }

    private static string GlobRoot(string pattern)
    {
        var wildcard = pattern.IndexOfAny(['*', '?']);
        var separator = pattern.LastIndexOf('/', wildcard);
        var root = separator < 0 ? "." : pattern[..Math.Max(separator, 1)];
        return Path.GetFullPath(root);
    }

    private static InputSpec FromFile(string path, string name, bool discovered = false) =>
        new(name, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16),
            new FileInfo(path).Length, discovered);
}
