using System.Net;

namespace PolicyLoop.Ingest.Enrichment;

/// <summary>
/// Private, loopback, link-local, shared (CGNAT), unique-local and documentation ranges (RFC 1918, 6598, 3927,
/// 4193, 5737, 3849). Enrichment never looks these up, because they carry no country or network owner, and
/// documentation addresses appear only in examples and tests.
/// </summary>
public static class ReservedAddresses
{
    private static readonly IPNetwork[] Ranges =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("::/128"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("2001:db8::/32"),
    ];

    public static bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var range in Ranges)
        {
            if (range.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
