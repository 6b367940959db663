using PolicyLoop.Policies.Expressions.Net;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>
/// A named list of a policy. Entries that parse as CIDRs also match every address inside them, so
/// <c>client_ip in lists.crawlers</c> works for exact strings and for networks.
/// </summary>
public sealed class NamedList
{
    private readonly HashSet<string> _exact;
    private readonly CidrValue[] _networks;

    public NamedList(string name, IReadOnlyList<string> entries)
    {
        Name = name;
        Entries = entries;
        _exact = new HashSet<string>(entries, StringComparer.Ordinal);
        _networks = [.. entries.Select(e => CidrValue.TryParse(e, out var c, out _) ? c : null).OfType<CidrValue>()];
    }

    public string Name { get; }

    public IReadOnlyList<string> Entries { get; }

    /// <summary>The entries as a CEL list value.</summary>
    public object?[] AsList => [.. Entries];

    /// <summary>True when the value is an entry, or an IP address inside one of the CIDR entries.</summary>
    public bool Contains(string value)
    {
        if (_exact.Contains(value))
        {
            return true;
        }

        foreach (var network in _networks)
        {
            if (network.ContainsText(value))
            {
                return true;
            }
        }

        return false;
    }
}
