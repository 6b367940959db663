using Microsoft.Extensions.FileSystemGlobbing;

namespace PolicyLoop.Ingest;

/// <summary>
/// Expands the paths given to ingest into inputs: files, directories (every file below, in
/// ordinal order), glob patterns (<c>logs/**/*.gz</c>), and <c>-</c> for standard input.
/// </summary>
public static class InputResolver
{
    /// <summary>Resolves paths; a path that matches nothing is returned in <paramref name="missing"/>.</summary>
    public static IReadOnlyList<InputSpec> Resolve(
        IEnumerable<string> paths,
        Func<Stream> openStandardInput,
        out IReadOnlyList<string> missing)
    {
        var inputs = new List<InputSpec>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            var before = inputs.Count;
            AddPath(path, openStandardInput, inputs);
            if (inputs.Count == before)
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return inputs;
    }

    private static void AddPath(string path, Func<Stream> openStandardInput, List<InputSpec> inputs)
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
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal);
            inputs.AddRange(files.Select(file => FromFile(file, file)));
        }
        else if (path.IndexOfAny(['*', '?']) >= 0)
        {
            inputs.AddRange(ExpandGlob(path));
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
            .Select(file => FromFile(file, Path.GetRelativePath(Directory.GetCurrentDirectory(), file)));
    }

    private static string GlobRoot(string pattern)
    {
        var wildcard = pattern.IndexOfAny(['*', '?']);
        var separator = pattern.LastIndexOf('/', wildcard);
        var root = separator < 0 ? "." : pattern[..Math.Max(separator, 1)];
        return Path.GetFullPath(root);
    }

    private static InputSpec FromFile(string path, string name) =>
        new(name, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16),
            new FileInfo(path).Length);
}
