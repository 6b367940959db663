using System.Net;

namespace PolicyLoop.Ingest;

/// <summary>Canonical text of client addresses.</summary>
public static class IpText
{
    /// <summary>
    /// Returns the canonical text of an IPv4 or IPv6 address (IPv4-mapped IPv6 becomes IPv4, and a
    /// trailing port as in <c>10.0.0.1:443</c> or <c>[::1]:443</c> is dropped). Text that is not an
    /// address, such as a host name, is returned unchanged; "-" and empty text give null.
    /// </summary>
    public static string? Canonicalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "-")
        {
            return null;
        }

        var candidate = StripPort(text.Trim());
        if (!IPAddress.TryParse(candidate, out var address))
        {
            return text;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            address.ScopeId = 0;
        }

        return address.ToString();
    }

    private static string StripPort(string text)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? text[1..close] : text;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var isHostPort = colon > 0 && colon == text.LastIndexOf(':') && text.Contains('.', StringComparison.Ordinal);
        return isHostPort ? text[..colon] : text;
    }
}
