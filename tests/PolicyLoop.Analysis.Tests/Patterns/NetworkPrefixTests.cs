using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class NetworkPrefixTests
{
    [Theory]
    [InlineData("198.51.100.77", 24, "198.51.100.0/24")]
    [InlineData("198.51.100.77", 16, "198.51.0.0/16")]
    [InlineData("::ffff:198.51.100.77", 24, "198.51.100.0/24")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", 64, "2001:db8:abcd:12::/64")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", 48, "2001:db8:abcd::/48")]
    public void Of_Address_ClearsHostBits(string address, int bits, string expected)
    {
        NetworkPrefix.Of(address, bits, bits).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    public void Of_NotAnAddress_ReturnsNull(string? text)
    {
        NetworkPrefix.Of(text, 24, 64).ShouldBeNull();
    }
}
