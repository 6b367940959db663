using PolicyLoop.Policies.Expressions.Net;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Tests.Expressions.Net;

public sealed class CidrValueTests
{
    [Theory]
    [InlineData("66.249.64.0/19", "66.249.73.135", true)]
    [InlineData("66.249.64.0/19", "66.249.96.0", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("10.0.0.0/8", "2001:db8::1", false)]
    public void Contains_Address_MatchesPrefix(string cidr, string ip, bool expected)
    {
        CidrValue.Parse(cidr).Contains(IpValue.Parse(ip)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/08")]
    [InlineData("010.0.0.0/8")]
    [InlineData("::ffff:10.0.0.0/104")]
    public void Parse_InvalidText_Throws(string text)
    {
        Should.Throw<CelException>(() => CidrValue.Parse(text));
    }

    [Fact]
    public void ContainsText_InvalidAddress_ReturnsFalse()
    {
        CidrValue.Parse("10.0.0.0/8").ContainsText("10.0.0").ShouldBeFalse();
    }

    [Fact]
    public void Masked_ClearsHostBits()
    {
        CidrValue.Parse("192.168.1.77/24").Masked().ToString().ShouldBe("192.168.1.0/24");
    }
}
