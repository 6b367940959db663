namespace PolicyLoop.Analysis.Patterns;

/// <summary>What kind of client a user agent names.</summary>
public enum UserAgentKind
{
    /// <summary>No user agent, or one the classifier does not recognise.</summary>
    Other,
    Browser,
    SearchCrawler,

    /// <summary>A crawler that is not a search engine's (SEO tools, archivers, feed fetchers, generic bots).</summary>
    Crawler,
    HttpLibrary,
    HeadlessBrowser,
    Scanner,
}
