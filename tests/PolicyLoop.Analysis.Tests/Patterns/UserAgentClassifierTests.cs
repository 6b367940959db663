using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class UserAgentClassifierTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Googlebot/2", UserAgentKind.SearchCrawler)]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "bingbot/2", UserAgentKind.SearchCrawler)]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.90 Safari/537.36", "Chrome/42", UserAgentKind.Browser)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0.1", "Edge/120", UserAgentKind.Browser)]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_3) AppleWebKit/600.5.17 (KHTML, like Gecko) Version/8.0.5 Safari/600.5.17", "Safari/8", UserAgentKind.Browser)]
    [InlineData("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:37.0) Gecko/20100101 Firefox/37.0", "Firefox/37", UserAgentKind.Browser)]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko", "Internet Explorer/11", UserAgentKind.Browser)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/119.0 Safari/537.36", "HeadlessChrome/119", UserAgentKind.HeadlessBrowser)]
    [InlineData("curl/7.38.0", "curl/7", UserAgentKind.HttpLibrary)]
    [InlineData("python-requests/2.31.0", "python-requests/2", UserAgentKind.HttpLibrary)]
    [InlineData("sqlmap/1.7.2#stable (https://sqlmap.org)", "sqlmap/1", UserAgentKind.Scanner)]
    [InlineData("Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)", "Nikto/2", UserAgentKind.Scanner)]
    [InlineData("InvTrack/2.4 (+https://example.com/about)", "InvTrack/2", UserAgentKind.Other)]
    [InlineData("FeedFetcher-Bot/1.0", "FeedFetcher-Bot/1", UserAgentKind.Crawler)]
    public void Classify_KnownAgent_ReturnsFamilyVersionAndKind(string userAgent, string label, UserAgentKind kind)
    {
        var result = UserAgentClassifier.Classify(userAgent);

        result.Label.ShouldBe(label);
        result.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_MissingAgent_ReturnsNone(string? userAgent)
    {
        var result = UserAgentClassifier.Classify(userAgent);

        result.Family.ShouldBe("(none)");
        result.Kind.ShouldBe(UserAgentKind.Other);
    }

    [Fact]
    public void Classify_LongAgent_ReadsOnlyTheCappedPrefix()
    {
        var userAgent = "Mozilla/5.0 " + new string('a', UserAgentClassifier.MaxLength) + " Googlebot/2.1";

        UserAgentClassifier.Classify(userAgent).Kind.ShouldNotBe(UserAgentKind.SearchCrawler);
    }

    [Fact]
    public void ClassifyCached_SameText_MatchesClassify()
    {
        const string userAgent = "Wget/1.16 (linux-gnu)";

        UserAgentClassifier.ClassifyCached(userAgent).ShouldBe(UserAgentClassifier.Classify(userAgent));
        UserAgentClassifier.ClassifyCached(userAgent).ShouldBe(UserAgentClassifier.Classify(userAgent));
    }
}
