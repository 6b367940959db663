using System.Net;
using System.Net.Sockets;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>The network a client address belongs to, at a chosen IPv4 and IPv6 prefix length.</summary>
public static class NetworkPrefix
{
    /// <summary>
    /// Returns the network in CIDR notation (host bits cleared), or null when the text is not an address.
    /// An IPv4-mapped IPv6 address is treated as the IPv4 address it carries.
    /// </summary>
    public static string? Of(string? clientIp, int ipv4Bits, int ipv6Bits)
    {
        if (string.IsNullOrEmpty(clientIp) || !IPAddress.TryParse(clientIp, out var address))
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? ipv4Bits : ipv6Bits;
        var bytes = address.GetAddressBytes();
        Mask(bytes, bits);
        return new IPAddress(bytes) + "/" + bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Mask(byte[] bytes, int bits)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
    }
}
