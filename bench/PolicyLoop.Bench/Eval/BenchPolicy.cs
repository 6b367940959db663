namespace PolicyLoop.Bench.Eval;

/// <summary>
/// The benchmark policy: 20 rules with string, regex, CIDR, list and rate conditions, shaped like the edge sample.
/// <see cref="HandWrittenPolicy"/> implements the same rules in plain C#.
/// </summary>
internal static class BenchPolicy
{
    public static string Yaml(bool withRate) => $$"""
        id: bench
        version: "1"
        default: allow
        lists:
          blocked: [198.51.100.7, 203.0.113.0/24]
          scanners: [sqlmap, nikto, masscan, zgrab, nmap]
        rules:
          - { id: r01, when: "client_ip in lists.blocked", action: deny }
          - { id: r02, when: "path.startsWith('/wp-admin') || path.startsWith('/wp-login')", action: deny }
          - { id: r03, when: "path.matches(r'(?i)/(administrator|admin\\.php|phpmyadmin)')", action: deny }
          - { id: r04, when: "path.contains('../') || path.contains('%2e%2e')", action: deny }
          - { id: r05, when: "path.matches(r'(?i)union(\\s|%20|\\+)+select')", action: deny }
          - { id: r06, when: "has(query) && query.matches(r'(?i)(union(\\s|%20|\\+)+select|or(\\s|%20|\\+)+1=1)')", action: deny }
          - { id: r07, when: "path.contains('$%7B') || path.contains('<script')", action: deny }
          - { id: r08, when: "has(user_agent) && lists.scanners.exists(s, user_agent.contains(s))", action: deny }
          - { id: r09, when: "!has(user_agent)", action: challenge }
          - { id: r10, when: "user_agent.startsWith('curl/') || user_agent.startsWith('Wget/')", action: challenge }
          - { id: r11, when: "cidr('66.249.64.0/19').containsIP(client_ip)", action: count }
          - { id: r12, when: "method == 'POST' && path.endsWith('.php')", action: deny }
          - { id: r13, when: "status == 444", action: deny }
          - { id: r14, when: "path.endsWith('.env') || path.endsWith('.git/config')", action: deny }
          - { id: r15, when: "has(bytes) && bytes > 50000000", action: count }
          - { id: r16, when: "{{(withRate ? "rate(client_ip, '1m') > 50" : "size(path) > 2000")}}", action: throttle }
          - { id: r17, when: "user_agent.contains('MJ12bot') || user_agent.contains('AhrefsBot')", action: deny }
          - { id: r18, when: "path.matches(r'^/(cgi-bin|scripts)/.*\\.(pl|cgi|sh)$')", action: deny }
          - { id: r19, when: "method != 'GET' && method != 'HEAD' && method != 'POST'", action: deny }
          - { id: r20, when: "path.startsWith('/private/') && !cidr('10.0.0.0/8').containsIP(client_ip)", action: deny }
        """;
}
