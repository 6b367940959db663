using System.Net;
using System.Text.RegularExpressions;
using PolicyLoop.Core;

namespace PolicyLoop.Bench.Eval;

/// <summary>The rules of <see cref="BenchPolicy"/> written by hand in C#, the reference for the speed ratio.</summary>
internal sealed class HandWrittenPolicy(bool withRate)
{
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private static readonly Regex AdminPaths = new("(?i)/(administrator|admin\\.php|phpmyadmin)", Linear);
    private static readonly Regex UnionSelect = new("(?i)union(\\s|%20|\\+)+select", Linear);
    private static readonly Regex QueryInjection = new("(?i)(union(\\s|%20|\\+)+select|or(\\s|%20|\\+)+1=1)", Linear);
    private static readonly Regex CgiScripts = new("^/(cgi-bin|scripts)/.*\\.(pl|cgi|sh)$", Linear);
    private static readonly string[] Scanners = ["sqlmap", "nikto", "masscan", "zgrab", "nmap"];
    private static readonly uint GoogleNetwork = ToUInt32("66.249.64.0");
    private static readonly uint PrivateNetwork = ToUInt32("10.0.0.0");
    private static readonly uint TestNetwork = ToUInt32("203.0.113.0");
    private readonly Dictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);

    /// <summary>Returns the deciding rule id, or null for the default (allow).</summary>
    public string? Evaluate(DecisionEvent e)
    {
        var rate = withRate ? Record(e.ClientIp!, e.Time.Ticks) : 0;
        var ip = e.ClientIp!;
        var path = e.Path!;
        if (ip == "198.51.100.7" || InNetwork(ip, TestNetwork, 24))
        {
            return "r01";
        }

        if (path.StartsWith("/wp-admin", StringComparison.Ordinal) || path.StartsWith("/wp-login", StringComparison.Ordinal))
        {
            return "r02";
        }

        if (AdminPaths.IsMatch(path))
        {
            return "r03";
        }

        if (path.Contains("../", StringComparison.Ordinal) || path.Contains("%2e%2e", StringComparison.Ordinal))
        {
            return "r04";
        }

        if (UnionSelect.IsMatch(path))
        {
            return "r05";
        }

        return EvaluateRest(e, ip, path, rate);
    }

    private static string? EvaluateRest(DecisionEvent e, string ip, string path, long rate)
    {
        if (e.Query is { } query && QueryInjection.IsMatch(query))
        {
            return "r06";
        }

        if (path.Contains("$%7B", StringComparison.Ordinal) || path.Contains("<script", StringComparison.Ordinal))
        {
            return "r07";
        }

        if (e.UserAgent is { } agent && Array.Exists(Scanners, s => agent.Contains(s, StringComparison.Ordinal)))
        {
            return "r08";
        }

        if (e.UserAgent is null)
        {
            return "r09";
        }

        return EvaluateAgentRules(e, ip, path, rate);
    }

    private static string? EvaluateAgentRules(DecisionEvent e, string ip, string path, long rate)
    {
        var agent = e.UserAgent!;
        if (agent.StartsWith("curl/", StringComparison.Ordinal) || agent.StartsWith("Wget/", StringComparison.Ordinal))
        {
            return "r10";
        }

        _ = InNetwork(ip, GoogleNetwork, 19);
        var method = e.Method!;
        if (method == "POST" && path.EndsWith(".php", StringComparison.Ordinal))
        {
            return "r12";
        }

        if (e.Status == 444)
        {
            return "r13";
        }

        if (path.EndsWith(".env", StringComparison.Ordinal) || path.EndsWith(".git/config", StringComparison.Ordinal))
        {
            return "r14";
        }

        return EvaluateLast(ip, path, rate, agent, method);
    }

    private static string? EvaluateLast(string ip, string path, long rate, string agent, string method)
    {
        if (rate > 50 || path.Length > 2000)
        {
            return "r16";
        }

        if (agent.Contains("MJ12bot", StringComparison.Ordinal) || agent.Contains("AhrefsBot", StringComparison.Ordinal))
        {
            return "r17";
        }

        if (CgiScripts.IsMatch(path))
        {
            return "r18";
        }

        if (method != "GET" && method != "HEAD" && method != "POST")
        {
            return "r19";
        }

        return path.StartsWith("/private/", StringComparison.Ordinal) && !InNetwork(ip, PrivateNetwork, 8) ? "r20" : null;
    }

    private long Record(string key, long ticks)
    {
        if (!_windows.TryGetValue(key, out var times))
        {
            _windows[key] = times = new Queue<long>();
        }

        times.Enqueue(ticks);
        while (times.Peek() <= ticks - TimeSpan.TicksPerMinute)
        {
            times.Dequeue();
        }

        return times.Count;
    }

    private static bool InNetwork(string ip, uint network, int prefix)
    {
        if (!IPAddress.TryParse(ip, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        var mask = prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
        return (ToUInt32(address) & mask) == (network & mask);
    }

    private static uint ToUInt32(string ip) => ToUInt32(IPAddress.Parse(ip));

    private static uint ToUInt32(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }
}
