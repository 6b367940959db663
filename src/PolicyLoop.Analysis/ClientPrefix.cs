using System.Net;
using System.Net.Sockets;
using PolicyLoop.Policies.Expressions.Net;

namespace PolicyLoop.Analysis;

/// <summary>The network a client address belongs to: its IPv4 /24 or its IPv6 /48.</summary>
public static class ClientPrefix
{
    /// <summary>Returns the prefix in CIDR notation, or the text unchanged when it is not an address.</summary>
    public static string Of(string? clientIp)
    {
        // Canonical dotted-quad text (most logs) gives its prefix without parsing into an address object.
        if (clientIp is not null && IpValue.TryParseV4(clientIp, out _))
        {
            return string.Concat(clientIp.AsSpan(0, clientIp.LastIndexOf('.')), ".0/24");
        }

        if (string.IsNullOrEmpty(clientIp) || !IPAddress.TryParse(clientIp, out var address))
        {
            return clientIp ?? "(none)";
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
            return new IPAddress(bytes) + "/24";
        }

        Array.Clear(bytes, 6, bytes.Length - 6);
        return new IPAddress(bytes) + "/48";
    }
}
