using System.Globalization;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Net;

/// <summary>An IP prefix such as <c>66.249.64.0/19</c>, as in the Kubernetes CEL network library.</summary>
public sealed class CidrValue : IEquatable<CidrValue>
{
    private readonly UInt128 _mask;

    private CidrValue(IpValue address, int prefixLength)
    {
        Address = address;
        PrefixLength = prefixLength;
        var hostBits = address.BitLength - prefixLength;
        var all = address.IsV4 ? (UInt128)uint.MaxValue : UInt128.MaxValue;
        _mask = hostBits >= 128 ? 0 : all & ~((UInt128.One << hostBits) - 1);
    }

    /// <summary>The address as written, before masking.</summary>
    public IpValue Address { get; }

    public int PrefixLength { get; }

    /// <summary>Parses <c>address/length</c> or throws <see cref="CelException"/>.</summary>
    public static CidrValue Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new CelException(error);

    public static bool TryParse(string text, out CidrValue value, out string error)
    {
        value = null!;
        error = $"network address parse error during conversion from string: '{text}'";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        if (!IpValue.TryParse(text[..slash], out var address, out var addressError))
        {
            error = addressError;
            return false;
        }

        var lengthText = text[(slash + 1)..];
        var validLength = lengthText.Length is > 0 and <= 3 && lengthText.All(char.IsAsciiDigit)
            && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && length <= address.BitLength && (lengthText.Length == 1 || lengthText[0] != '0');
        if (!validLength)
        {
            return false;
        }

        value = new CidrValue(address, int.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    public bool Contains(IpValue ip) => ip.IsV4 == Address.IsV4 && (ip.Bits & _mask) == (Address.Bits & _mask);

    /// <summary>True when <paramref name="text"/> is an address inside the prefix; false for any other text.</summary>
    public bool ContainsText(string text)
    {
        if (Address.IsV4)
        {
            return IpValue.TryParseV4(text, out var bits) && (bits & _mask) == (Address.Bits & _mask);
        }

        return IpValue.TryParse(text, out var ip, out _) && Contains(ip);
    }

    /// <summary>Tests dotted-quad text against an IPv4 prefix without allocating; null when the text is not IPv4.</summary>
    public bool? ContainsV4Text(string text)
    {
        if (!IpValue.TryParseV4(text, out var bits))
        {
            return null;
        }

        return Address.IsV4 && (bits & _mask) == (Address.Bits & _mask);
    }

    public bool Contains(CidrValue other) =>
        other.Address.IsV4 == Address.IsV4 && other.PrefixLength >= PrefixLength && Contains(other.Address);

    /// <summary>The prefix with its host bits cleared.</summary>
    public CidrValue Masked() => new(IpValue.FromBits(Address.IsV4, Address.Bits & _mask), PrefixLength);

    public bool Equals(CidrValue? other) =>
        other is not null && Address.Equals(other.Address) && PrefixLength == other.PrefixLength;

    public override bool Equals(object? obj) => obj is CidrValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Address, PrefixLength);

    public override string ToString() =>
        Address + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);
}
