namespace PolicyLoop.Analysis.Tests;

public sealed class ClientPrefixTests
{
    [Theory]
    [InlineData("192.0.2.77", "192.0.2.0/24")]
    [InlineData("10.0.0.1", "10.0.0.0/24")]
    [InlineData("255.255.255.255", "255.255.255.0/24")]
    [InlineData("010.0.0.1", "8.0.0.0/24")]
    [InlineData("1.2.3", "1.2.0.0/24")]
    [InlineData("2001:db8:1:2::7", "2001:db8:1::/48")]
    [InlineData("not an address", "not an address")]
    [InlineData("", "")]
    [InlineData(null, "(none)")]
    public void Of_Address_GivesItsPrefix(string? client, string expected) =>
        ClientPrefix.Of(client).ShouldBe(expected);
}
