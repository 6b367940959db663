using PolicyLoop.Policies.Expressions.Net;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>The IP and CIDR functions of the Kubernetes CEL network library.</summary>
internal static class NetFunctions
{
    [CelFunction("ip")]
    public static IpValue Ip(string text) => IpValue.Parse(text);

    [CelFunction("isIP")]
    public static bool IsIp(string text) => IpValue.TryParse(text, out _, out _);

    [CelFunction("ip.isCanonical")]
    public static bool IsCanonical(string text) => IpValue.Parse(text).ToString() == text;

    [CelFunction("family", CallStyle.Method)]
    public static long Family(IpValue ip) => ip.Family;

    [CelFunction("isUnspecified", CallStyle.Method)]
    public static bool IsUnspecified(IpValue ip) => ip.Bits == 0;

    [CelFunction("isLoopback", CallStyle.Method)]
    public static bool IsLoopback(IpValue ip) => ip.IsV4 ? ip.Bits >> 24 == 127 : ip.Bits == 1;

    [CelFunction("isLinkLocalMulticast", CallStyle.Method)]
    public static bool IsLinkLocalMulticast(IpValue ip) =>
        ip.IsV4 ? ip.Bits >> 8 == 0xE00000 : ip.Bits >> 112 == 0xFF02;

    [CelFunction("isLinkLocalUnicast", CallStyle.Method)]
    public static bool IsLinkLocalUnicast(IpValue ip) =>
        ip.IsV4 ? ip.Bits >> 16 == 0xA9FE : ip.Bits >> 118 == 0xFE80 >> 6;

    [CelFunction("isGlobalUnicast", CallStyle.Method)]
    public static bool IsGlobalUnicast(IpValue ip)
    {
        var multicast = ip.IsV4 ? ip.Bits >> 28 == 0xE : ip.Bits >> 120 == 0xFF;
        var broadcast = ip.IsV4 && ip.Bits == uint.MaxValue;
        return !(IsUnspecified(ip) || IsLoopback(ip) || multicast || broadcast || IsLinkLocalUnicast(ip));
    }

    [CelFunction("cidr")]
    public static CidrValue Cidr(string text) => CidrValue.Parse(text);

    [CelFunction("isCIDR")]
    public static bool IsCidr(string text) => CidrValue.TryParse(text, out _, out _);

    [CelFunction("containsIP", CallStyle.Method)]
    public static bool ContainsIp(CidrValue cidr, IpValue ip) => cidr.Contains(ip);

    [CelFunction("containsIP", CallStyle.Method)]
    public static bool ContainsIp(CidrValue cidr, string ip) =>
        cidr.ContainsV4Text(ip) ?? cidr.Contains(IpValue.Parse(ip));

    [CelFunction("containsCIDR", CallStyle.Method)]
    public static bool ContainsCidr(CidrValue cidr, CidrValue other) => cidr.Contains(other);

    [CelFunction("containsCIDR", CallStyle.Method)]
    public static bool ContainsCidr(CidrValue cidr, string other) => cidr.Contains(CidrValue.Parse(other));

    [CelFunction("ip", CallStyle.Method)]
    public static IpValue Address(CidrValue cidr) => cidr.Address;

    [CelFunction("masked", CallStyle.Method)]
    public static CidrValue Masked(CidrValue cidr) => cidr.Masked();

    [CelFunction("prefixLength", CallStyle.Method)]
    public static long PrefixLength(CidrValue cidr) => cidr.PrefixLength;
}
