namespace PolicyLoop.Ingest.Enrichment;

/// <summary>
/// Reads the two-column CSV files of enrichment: <c>cidr,value</c> and <c>user_id,role</c>. Blank lines, lines
/// starting with <c>#</c> and a header row (<c>cidr,...</c> or <c>user_id,...</c>) are skipped; values are not quoted.
/// </summary>
public static class EnrichmentCsv
{
    public static AddressRanges ReadRanges(string path, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var ranges = new AddressRanges();
        var header = true;
        foreach (var (line, first, second) in Rows(path, problems))
        {
            var isHeader = header && !first.Contains('.', StringComparison.Ordinal)
                && !first.Contains(':', StringComparison.Ordinal);
            header = false;
            if (!isHeader && !ranges.TryAdd(first, second))
            {
                problems.Add($"{path}:{line}: invalid CIDR '{first}'; write a range such as 66.249.64.0/19");
            }
        }

        return ranges;
    }

    public static Dictionary<string, List<string>> ReadRoles(string path, List<string> problems)
    {
        var roles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var header = true;
        foreach (var (_, user, role) in Rows(path, problems))
        {
            if (header && user == "user_id")
            {
                header = false;
                continue;
            }

            header = false;

            if (!roles.TryGetValue(user, out var list))
            {
                list = [];
                roles[user] = list;
            }

            if (!list.Contains(role))
            {
                list.Add(role);
            }
        }

        return roles;
    }

    private static IEnumerable<(int Line, string First, string Second)> Rows(string path, List<string> problems)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || comma == line.Length - 1)
            {
                problems.Add($"{path}:{number}: expected two values separated by a comma, found '{line}'");
                continue;
            }

            yield return (number, line[..comma].Trim(), line[(comma + 1)..].Trim());
        }
    }
}
