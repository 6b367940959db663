using System.Net;
using System.Net.Sockets;

namespace PolicyLoop.Ingest.Enrichment;

/// <summary>
/// CIDR ranges with a value each, matched longest prefix first. Lookups hash the address once per distinct
/// prefix length in the set, so a file of thousands of ranges costs a few hash lookups per event.
/// </summary>
public sealed class AddressRanges
{
    private readonly Dictionary<(bool V6, int Length, UInt128 Network), string> _ranges = [];
    private readonly SortedSet<int> _v4Lengths = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedSet<int> _v6Lengths = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));

    public int Count => _ranges.Count;

    /// <summary>Adds a range; an address without a prefix length is a single host. False when the text is no CIDR.</summary>
    public bool TryAdd(string cidr, string value)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(addressText.Trim(), out var address))
        {
            return false;
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var maxLength = v6 ? 128 : 32;
        var length = maxLength;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1).Trim(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out length) || length > maxLength))
        {
            return false;
        }

        _ranges.TryAdd((v6, length, Mask(Bits(address), length, maxLength)), value);
        (v6 ? _v6Lengths : _v4Lengths).Add(length);
        return true;
    }

    /// <summary>Returns the value of the longest range that contains the address, or null.</summary>
    public string? Find(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var maxLength = v6 ? 128 : 32;
        var bits = Bits(address);
        foreach (var length in v6 ? _v6Lengths : _v4Lengths)
        {
            if (_ranges.TryGetValue((v6, length, Mask(bits, length, maxLength)), out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static UInt128 Bits(IPAddress address)
    {
        UInt128 bits = 0;
        foreach (var b in address.GetAddressBytes())
        {
            bits = (bits << 8) | b;
        }

        return bits;
    }

    private static UInt128 Mask(UInt128 bits, int length, int maxLength) =>
        length == 0 ? 0 : bits >> (maxLength - length) << (maxLength - length);
}
