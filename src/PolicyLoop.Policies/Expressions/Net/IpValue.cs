using System.Net;
using System.Net.Sockets;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Net;

/// <summary>
/// An IPv4 or IPv6 address as in the Kubernetes CEL network library: no zones, no IPv4-mapped IPv6 forms.
/// The address is kept as 128 bits; an IPv4 address uses the low 32 bits.
/// </summary>
public sealed class IpValue : IEquatable<IpValue>
{
    private IpValue(bool isV4, UInt128 bits)
    {
        IsV4 = isV4;
        Bits = bits;
    }

    public bool IsV4 { get; }

    public UInt128 Bits { get; }

    public int Family => IsV4 ? 4 : 6;

    public int BitLength => IsV4 ? 32 : 128;

    /// <summary>Parses an address or throws <see cref="CelException"/> with the reason.</summary>
    public static IpValue Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new CelException(error);

    /// <summary>Parses an address; on failure returns false and the reason.</summary>
    public static bool TryParse(string text, out IpValue value, out string error)
    {
        value = null!;
        error = $"IP Address '{text}' parse error during conversion from string";
        if (TryParseV4(text, out var v4))
        {
            value = new IpValue(true, v4);
            return true;
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains('%', StringComparison.Ordinal))
        {
            error = "IP Address with zone value is not allowed";
            return false;
        }

        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && text.Contains('.', StringComparison.Ordinal))
        {
            error = "IPv4-mapped IPv6 address is not allowed";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            value = new IpValue(true, ToBits(address.MapToIPv4().GetAddressBytes()));
            return true;
        }

        value = new IpValue(false, ToBits(address.GetAddressBytes()));
        return true;
    }

    /// <summary>Parses dotted-quad IPv4 strictly: four decimal octets, no leading zeros.</summary>
    public static bool TryParseV4(ReadOnlySpan<char> text, out UInt128 bits)
    {
        bits = 0;
        uint result = 0;
        var octets = 0;
        var i = 0;
        while (octets < 4)
        {
            var start = i;
            uint octet = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            result = (result << 8) | octet;
            octets++;
            if (octets < 4 && (i >= text.Length || text[i++] != '.'))
            {
                return false;
            }
        }

        bits = result;
        return i == text.Length;
    }

    internal static IpValue FromBits(bool isV4, UInt128 bits) => new(isV4, bits);

    private static UInt128 ToBits(byte[] bytes)
    {
        UInt128 bits = 0;
        foreach (var b in bytes)
        {
            bits = (bits << 8) | b;
        }

        return bits;
    }

    public bool Equals(IpValue? other) => other is not null && IsV4 == other.IsV4 && Bits == other.Bits;

    public override bool Equals(object? obj) => obj is IpValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IsV4, Bits);

    /// <summary>Formats the address in canonical form (RFC 5952 for IPv6).</summary>
    public override string ToString()
    {
        var bytes = new byte[BitLength / 8];
        var bits = Bits;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(bits & 0xFF);
            bits >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }
}
