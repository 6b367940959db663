using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>The derived and enriched attributes that explain and suggest segment events by.</summary>
public static partial class SegmentAttributes
{
    public const string Client = "client";
    public const string Client24 = "client /24";
    public const string Client16 = "client /16";
    public const string UserAgent = "user agent";
    public const string AgentKind = "agent kind";
    public const string PathTemplateName = "path template";

    /// <summary>The standard attributes, in the order findings name them.</summary>
    public static IReadOnlyList<AttributeDefinition> Standard { get; } =
    [
        new(Client, e => e.ClientIp, value => $"client_ip == {CelText.Quote(value)}", Client),
        new(Client24, e => NetworkPrefix.Of(e.ClientIp, 24, 64), CidrCondition, Client),
        new(Client16, e => NetworkPrefix.Of(e.ClientIp, 16, 48), CidrCondition, Client),
        new(UserAgent, e => e.UserAgent is null ? null : UserAgentClassifier.ClassifyCached(e.UserAgent).Label,
            UserAgentCondition, UserAgent),
        new(AgentKind, e => e.UserAgent is null ? null : KindName(UserAgentClassifier.ClassifyCached(e.UserAgent).Kind),
            _ => null, UserAgent),
        new(PathTemplateName, e => PathTemplate.Of(e.Path), PathCondition),
        new("method", e => e.Method, value => $"method == {CelText.Quote(value)}"),
        new("status class", e => e.Status is { } status ? StatusClass(status) : null, StatusCondition),
        new("hour (UTC)", e => e.Time.Hour.ToString("00", CultureInfo.InvariantCulture) + "h", _ => null),
        new("host", e => e.Host, value => $"host == {CelText.Quote(value)}"),
        new("country", e => e.Country, value => $"country == {CelText.Quote(value)}"),
        new("asn", e => e.Asn, value => $"asn == {CelText.Quote(value)}"),
        new("tenant", e => e.Tenant, value => $"tenant == {CelText.Quote(value)}"),
        new("role", e => e.Roles.Count == 0 ? null : e.Roles[0], value => $"{CelText.Quote(value)} in roles"),
    ];

    /// <summary>Returns an attribute for one label key, such as <c>label partner</c>.</summary>
    public static AttributeDefinition Label(string key) => new(
        "label " + key,
        e => e.Labels.TryGetValue(key, out var value) ? value : null,
        value => $"has(labels) && labels[{CelText.Quote(key)}] == {CelText.Quote(value)}");

    public static string KindName(UserAgentKind kind) => kind switch
    {
        UserAgentKind.Browser => "browser",
        UserAgentKind.SearchCrawler => "search crawler",
        UserAgentKind.Crawler => "crawler",
        UserAgentKind.HttpLibrary => "http library",
        UserAgentKind.HeadlessBrowser => "headless browser",
        UserAgentKind.Scanner => "scanner",
        _ => "other",
    };

    public static string StatusClass(int status) =>
        (status / 100).ToString(CultureInfo.InvariantCulture) + "xx";

    private static string CidrCondition(string cidr) =>
        $"has(client_ip) && cidr({CelText.Quote(cidr)}).containsIP(client_ip)";

    /// <summary>Matches the family's product token, any version: the policy cannot see the classifier.</summary>
    private static string UserAgentCondition(string label)
    {
        var slash = label.LastIndexOf('/');
        var family = slash > 0 && int.TryParse(label.AsSpan(slash + 1), CultureInfo.InvariantCulture, out _)
            ? label[..slash]
            : label;
        return $"has(user_agent) && user_agent.lowerAscii().contains({CelText.Quote(family.ToLowerInvariant())})";
    }

    private static string? StatusCondition(string statusClass)
    {
        var hundreds = statusClass[0] - '0';
        return hundreds is < 1 or > 9
            ? null
            : $"has(status) && status >= {hundreds}00 && status < {hundreds + 1}00";
    }

    private static string PathCondition(string template)
    {
        var pattern = new StringBuilder("^");
        foreach (var part in PlaceholderPattern().Split(template))
        {
            pattern.Append(part.Length > 2 && part[0] == '<' && part[^1] == '>' ? "[^/]+" : Regex.Escape(part));
        }

        return $"has(path) && path.matches({CelText.Quote(pattern.Append('$').ToString())})";
    }

    [GeneratedRegex("(<[a-z.]+>)", RegexOptions.NonBacktracking)]
    private static partial Regex PlaceholderPattern();
}
