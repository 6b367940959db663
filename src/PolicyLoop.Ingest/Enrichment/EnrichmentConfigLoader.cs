using YamlDotNet.RepresentationModel;

namespace PolicyLoop.Ingest.Enrichment;

/// <summary>
/// Reads an enrichment file:
/// <code>
/// country: GeoLite2-Country.mmdb   # any MaxMind-format database with country.iso_code or country_code
/// asn: GeoLite2-ASN.mmdb           # autonomous_system_number and autonomous_system_organization
/// ranges:
///   - file: crawlers.csv           # rows of cidr,value
///     label: crawler               # sets labels["crawler"] = value
/// users: roles.csv                 # rows of user_id,role
/// </code>
/// Every problem is reported at once, with the value and the fix.
/// </summary>
public static class EnrichmentConfigLoader
{
    public static EnrichmentConfig Load(string path, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        if (!File.Exists(path))
        {
            found.Add($"enrichment file not found: {path}; pass the path of a YAML enrichment file");
            return new EnrichmentConfig(null, null, [], null);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            found.Add($"{path}:{ex.Start.Line}: invalid YAML: {ex.Message}");
            return new EnrichmentConfig(null, null, [], null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            found.Add($"{path}: expected a mapping with country, asn, ranges or users");
            return new EnrichmentConfig(null, null, [], null);
        }

        string? country = null, asn = null, users = null;
        var ranges = new List<RangeFileConfig>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "country":
                    country = FilePath(path, folder, key, value, found);
                    break;
                case "asn":
                    asn = FilePath(path, folder, key, value, found);
                    break;
                case "users":
                    users = FilePath(path, folder, key, value, found);
                    break;
                case "ranges":
                    ReadRanges(path, folder, value, ranges, found);
                    break;
                default:
                    found.Add($"{path}:{keyNode.Start.Line}: unknown key '{key}'; use country, asn, ranges or users");
                    break;
            }
        }

        return new EnrichmentConfig(country, asn, ranges, users);
    }

    private static void ReadRanges(string path, string folder, YamlNode node, List<RangeFileConfig> ranges,
        List<string> problems)
    {
        if (node is not YamlSequenceNode sequence)
        {
            problems.Add($"{path}:{node.Start.Line}: ranges must be a list of entries with file and label");
            return;
        }

        foreach (var entry in sequence.Children)
        {
            if (entry is not YamlMappingNode mapping
                || !mapping.Children.TryGetValue(new YamlScalarNode("file"), out var file)
                || !mapping.Children.TryGetValue(new YamlScalarNode("label"), out var label)
                || label is not YamlScalarNode { Value: { Length: > 0 } labelText })
            {
                problems.Add($"{path}:{entry.Start.Line}: a range entry needs file and label, such as "
                    + "'- { file: crawlers.csv, label: crawler }'");
                continue;
            }

            if (FilePath(path, folder, "file", file, problems) is { } resolved)
            {
                ranges.Add(new RangeFileConfig(resolved, labelText));
            }
        }
    }

    private static string? FilePath(string path, string folder, string key, YamlNode node, List<string> problems)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            problems.Add($"{path}:{node.Start.Line}: {key} must be a file path");
            return null;
        }

        var resolved = Path.GetFullPath(Path.Combine(folder, text));
        if (!File.Exists(resolved))
        {
            problems.Add($"{path}:{node.Start.Line}: {key} file not found: {resolved}; paths are relative to the "
                + "enrichment file");
            return null;
        }

        return resolved;
    }
}
