using System.Buffers;
using System.Collections.Concurrent;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Classifies a user agent by a fixed, ordered list of product markers. Each marker is found with one
/// ordinal, case-insensitive search, so the time is linear in the (capped) length of the text and no
/// regular expression runs. The first marker in list order wins, which puts scanners and headless
/// browsers before the browsers they imitate, and Edge and Opera before the Chrome token they carry.
/// </summary>
public static class UserAgentClassifier
{
    /// <summary>Longer user agents are classified by their first this many characters.</summary>
    public const int MaxLength = 1024;

    private static readonly Marker[] Markers =
    [
        new("sqlmap", "sqlmap", UserAgentKind.Scanner),
        new("nikto", "Nikto", UserAgentKind.Scanner),
        new("masscan", "masscan", UserAgentKind.Scanner),
        new("zgrab", "zgrab", UserAgentKind.Scanner),
        new("nmap", "Nmap", UserAgentKind.Scanner),
        new("nuclei", "Nuclei", UserAgentKind.Scanner),
        new("dirbuster", "DirBuster", UserAgentKind.Scanner),
        new("gobuster", "gobuster", UserAgentKind.Scanner),
        new("wpscan", "WPScan", UserAgentKind.Scanner),
        new("acunetix", "Acunetix", UserAgentKind.Scanner),
        new("nessus", "Nessus", UserAgentKind.Scanner),
        new("openvas", "OpenVAS", UserAgentKind.Scanner),
        new("zmeu", "ZmEu", UserAgentKind.Scanner),
        new("morfeus", "Morfeus", UserAgentKind.Scanner),
        new("HeadlessChrome", "HeadlessChrome", UserAgentKind.HeadlessBrowser),
        new("PhantomJS", "PhantomJS", UserAgentKind.HeadlessBrowser),
        new("Puppeteer", "Puppeteer", UserAgentKind.HeadlessBrowser),
        new("Playwright", "Playwright", UserAgentKind.HeadlessBrowser),
        new("Selenium", "Selenium", UserAgentKind.HeadlessBrowser),
        new("Googlebot", "Googlebot", UserAgentKind.SearchCrawler),
        new("bingbot", "bingbot", UserAgentKind.SearchCrawler),
        new("msnbot", "msnbot", UserAgentKind.SearchCrawler),
        new("YandexBot", "YandexBot", UserAgentKind.SearchCrawler),
        new("YandexImages", "YandexImages", UserAgentKind.SearchCrawler),
        new("Baiduspider", "Baiduspider", UserAgentKind.SearchCrawler),
        new("DuckDuckBot", "DuckDuckBot", UserAgentKind.SearchCrawler),
        new("Applebot", "Applebot", UserAgentKind.SearchCrawler),
        new("Yahoo! Slurp", "Yahoo! Slurp", UserAgentKind.SearchCrawler),
        new("Sogou", "Sogou", UserAgentKind.SearchCrawler),
        new("SeznamBot", "SeznamBot", UserAgentKind.SearchCrawler),
        new("Exabot", "Exabot", UserAgentKind.SearchCrawler),
        new("AhrefsBot", "AhrefsBot", UserAgentKind.Crawler),
        new("SemrushBot", "SemrushBot", UserAgentKind.Crawler),
        new("MJ12bot", "MJ12bot", UserAgentKind.Crawler),
        new("DotBot", "DotBot", UserAgentKind.Crawler),
        new("PetalBot", "PetalBot", UserAgentKind.Crawler),
        new("ia_archiver", "ia_archiver", UserAgentKind.Crawler),
        new("python-requests", "python-requests", UserAgentKind.HttpLibrary),
        new("Python-urllib", "Python-urllib", UserAgentKind.HttpLibrary),
        new("aiohttp", "aiohttp", UserAgentKind.HttpLibrary),
        new("Scrapy", "Scrapy", UserAgentKind.HttpLibrary),
        new("Go-http-client", "Go-http-client", UserAgentKind.HttpLibrary),
        new("okhttp", "okhttp", UserAgentKind.HttpLibrary),
        new("axios", "axios", UserAgentKind.HttpLibrary),
        new("node-fetch", "node-fetch", UserAgentKind.HttpLibrary),
        new("Apache-HttpClient", "Apache-HttpClient", UserAgentKind.HttpLibrary),
        new("libwww-perl", "libwww-perl", UserAgentKind.HttpLibrary),
        new("Wget", "Wget", UserAgentKind.HttpLibrary),
        new("curl", "curl", UserAgentKind.HttpLibrary),
        new("Java/", "Java", UserAgentKind.HttpLibrary, "Java"),
        new("Edg/", "Edge", UserAgentKind.Browser, "Edg"),
        new("Edge/", "Edge", UserAgentKind.Browser, "Edge"),
        new("OPR/", "Opera", UserAgentKind.Browser, "OPR"),
        new("Opera", "Opera", UserAgentKind.Browser, "Version"),
        new("Firefox/", "Firefox", UserAgentKind.Browser, "Firefox"),
        new("Chromium/", "Chromium", UserAgentKind.Browser, "Chromium"),
        new("Chrome/", "Chrome", UserAgentKind.Browser, "Chrome"),
        new("CriOS/", "Chrome", UserAgentKind.Browser, "CriOS"),
        new("Safari/", "Safari", UserAgentKind.Browser, "Version"),
        new("MSIE ", "Internet Explorer", UserAgentKind.Browser, "MSIE"),
        new("Trident/7", "Internet Explorer", UserAgentKind.Browser, "rv:"),
    ];

    private static readonly SearchValues<char> ProductEnd = SearchValues.Create("/ ;(),");

    /// <summary>Words that mark a self-declared crawler the list does not name.</summary>
    private static readonly string[] CrawlerWords = ["bot", "spider", "crawler", "slurp"];

    /// <summary>Distinct user agents remembered by <see cref="ClassifyCached"/>; later ones are classified each time.</summary>
    public const int MaxCached = 50_000;

    private static readonly ConcurrentDictionary<string, UserAgentClass> Cache = new(StringComparer.Ordinal);

    /// <summary>Classifies like <see cref="Classify"/>, remembering the first <see cref="MaxCached"/> distinct texts.</summary>
    public static UserAgentClass ClassifyCached(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        if (Cache.TryGetValue(userAgent, out var known))
        {
            return known;
        }

        var classified = Classify(userAgent);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(userAgent, classified);
        }

        return classified;
    }

    /// <summary>Classifies a user agent; null or blank text is family <c>(none)</c> of kind Other.</summary>
    public static UserAgentClass Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return new UserAgentClass("(none)", null, UserAgentKind.Other);
        }

        var text = userAgent.AsSpan(0, Math.Min(userAgent.Length, MaxLength));
        foreach (var marker in Markers)
        {
            var at = text.IndexOf(marker.Text, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var major = marker.VersionToken is null
                    ? MajorAfter(text, at + marker.Text.Length)
                    : MajorAfterToken(text, marker.VersionToken);
                return new UserAgentClass(marker.Family, major, marker.Kind);
            }
        }

        var product = FirstProduct(text);
        var kind = IsSelfDeclaredCrawler(text) ? UserAgentKind.Crawler : UserAgentKind.Other;
        return new UserAgentClass(product.Family, product.Major, kind);
    }

    private static bool IsSelfDeclaredCrawler(ReadOnlySpan<char> text)
    {
        foreach (var word in CrawlerWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the first product token, <c>Name/1.2</c>, as the family and major version.</summary>
    private static (string Family, int? Major) FirstProduct(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(ProductEnd);
        var name = (end < 0 ? text : text[..end]).Trim();
        if (name.Length > 40)
        {
            name = name[..40];
        }

        var major = end >= 0 && text[end] == '/' ? MajorAfter(text, end) : null;
        return (name.IsEmpty ? "(other)" : name.ToString(), major);
    }

    private static int? MajorAfterToken(ReadOnlySpan<char> text, string token)
    {
        var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : MajorAfter(text, at + token.Length);
    }

    /// <summary>Reads the digits after an optional '/', ' ' or ':' at a position; null when there are none.</summary>
    private static int? MajorAfter(ReadOnlySpan<char> text, int position)
    {
        if (position < text.Length && text[position] is '/' or ' ' or ':')
        {
            position++;
        }

        var value = 0;
        var digits = 0;
        while (position < text.Length && char.IsAsciiDigit(text[position]) && digits < 6)
        {
            value = (value * 10) + (text[position] - '0');
            position++;
            digits++;
        }

        return digits == 0 ? null : value;
    }

    private sealed record Marker(string Text, string Family, UserAgentKind Kind, string? VersionToken = null);
}
