namespace PolicyLoop.Ingest.Enrichment;

/// <summary>
/// The enrichment sources of one YAML file, with paths resolved against the file's folder: MaxMind-format
/// databases for country and ASN, CIDR range files that set one label each, and a user-to-role file.
/// </summary>
public sealed record EnrichmentConfig(
    string? CountryDatabase,
    string? AsnDatabase,
    IReadOnlyList<RangeFileConfig> Ranges,
    string? UserRoles);

/// <summary>A CSV file of <c>cidr,value</c> rows whose value becomes the label <paramref name="Label"/>.</summary>
public sealed record RangeFileConfig(string File, string Label);
