using System.Globalization;
using System.Net;
using MaxMind.Db;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Enrichment;

/// <summary>
/// Sets country, ASN, organisation, range labels and roles on events from the configured sources. Addresses in
/// reserved ranges (<see cref="ReservedAddresses"/>) are never looked up. Values found replace earlier
/// enrichment, so a run over the store with newer databases updates the events. Roles are filled only for
/// events that logged none.
/// </summary>
public sealed class Enricher : IDisposable
{
    private readonly Reader? _country;
    private readonly Reader? _asn;
    private readonly IReadOnlyList<(string Label, AddressRanges Ranges)> _ranges;
    private readonly Dictionary<string, List<string>> _roles;

    private Enricher(Reader? country, Reader? asn, IReadOnlyList<(string, AddressRanges)> ranges,
        Dictionary<string, List<string>> roles)
    {
        _country = country;
        _asn = asn;
        _ranges = ranges;
        _roles = roles;
    }

    /// <summary>Opens the databases and reads the CSV files; every problem is reported, with its file and line.</summary>
    public static Enricher? Open(EnrichmentConfig config, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(config);
        var found = new List<string>();
        problems = found;
        var country = OpenDatabase(config.CountryDatabase, found);
        var asn = OpenDatabase(config.AsnDatabase, found);
        var ranges = config.Ranges.Select(range => (range.Label, EnrichmentCsv.ReadRanges(range.File, found))).ToList();
        var roles = config.UserRoles is null ? [] : EnrichmentCsv.ReadRoles(config.UserRoles, found);
        if (found.Count > 0)
        {
            country?.Dispose();
            asn?.Dispose();
            return null;
        }

        return new Enricher(country, asn, ranges, roles);
    }

    public void Enrich(DecisionEvent decisionEvent)
    {
        ArgumentNullException.ThrowIfNull(decisionEvent);
        if (decisionEvent.UserId is { } user && decisionEvent.Roles.Count == 0 && _roles.TryGetValue(user, out var roles))
        {
            decisionEvent.Roles = roles;
        }

        if (decisionEvent.ClientIp is not { } text || !IPAddress.TryParse(text, out var address)
            || ReservedAddresses.Contains(address))
        {
            return;
        }

        if (_country?.Find<Dictionary<string, object>>(address) is { } place && CountryOf(place) is { } country)
        {
            decisionEvent.Country = country;
        }

        if (_asn?.Find<Dictionary<string, object>>(address) is { } network)
        {
            if (network.TryGetValue("autonomous_system_number", out var number))
            {
                decisionEvent.Asn = "AS" + Convert.ToString(number, CultureInfo.InvariantCulture);
            }

            if (network.TryGetValue("autonomous_system_organization", out var organisation))
            {
                decisionEvent.Org = Convert.ToString(organisation, CultureInfo.InvariantCulture);
            }
        }

        AddRangeLabels(decisionEvent, address);
    }

    public void Dispose()
    {
        _country?.Dispose();
        _asn?.Dispose();
    }

    private void AddRangeLabels(DecisionEvent decisionEvent, IPAddress address)
    {
        Dictionary<string, string>? labels = null;
        foreach (var (label, ranges) in _ranges)
        {
            if (ranges.Find(address) is { } value)
            {
                labels ??= new Dictionary<string, string>(decisionEvent.Labels, StringComparer.Ordinal);
                labels[label] = value;
            }
        }

        if (labels is not null)
        {
            decisionEvent.Labels = labels;
        }
    }

    /// <summary>Reads GeoLite2's <c>country.iso_code</c>, or the flat <c>country_code</c> of other builds.</summary>
    private static string? CountryOf(Dictionary<string, object> record)
    {
        if (record.TryGetValue("country", out var country) && country is IDictionary<string, object> nested
            && nested.TryGetValue("iso_code", out var iso))
        {
            return Convert.ToString(iso, CultureInfo.InvariantCulture);
        }

        return record.TryGetValue("country_code", out var code) ? Convert.ToString(code, CultureInfo.InvariantCulture) : null;
    }

    private static Reader? OpenDatabase(string? path, List<string> problems)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return new Reader(path, FileAccessMode.Memory);
        }
        catch (InvalidDatabaseException ex)
        {
            problems.Add($"{path}: not a MaxMind-format database ({ex.Message}); pass an .mmdb file");
            return null;
        }
    }
}
