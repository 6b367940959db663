using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Bench.Replay;

/// <summary>
/// The replay benchmark's policy: <c>samples/policies/edge.yaml</c> (16 rules: 9 regex, 2 CIDR or
/// address list, 2 rate and 1 count window) plus 6 more regex and CIDR rules, for 15 regex rules
/// and 3 CIDR rules in all.
/// </summary>
internal static class ReplayPolicy
{
    private const string ExtraRules = """

          - id: bench-deny-dotfiles
            when: path.matches(r'(?i)/\.(env|git|svn|htaccess|ds_store)')
            action: deny
            mode: enforce
          - id: bench-deny-cgi-scripts
            when: path.matches(r'^/(cgi-bin|scripts)/.*\.(pl|cgi|sh)$')
            action: deny
            mode: enforce
          - id: bench-challenge-old-browsers
            when: has(user_agent) && user_agent.matches(r'MSIE [5-8]\.0|Windows NT 5\.')
            action: challenge
            mode: enforce
          - id: bench-deny-log4shell
            when: (has(query) && query.matches(r'(?i)jndi(:|%3a)')) || path.matches(r'(?i)jndi(:|%3a)')
            action: deny
            mode: enforce
          - id: bench-count-private-networks
            when: cidr('10.0.0.0/8').containsIP(client_ip) && method == 'POST'
            action: count
            mode: enforce
          - id: bench-deny-cloud-scanners
            when: cidr('198.18.0.0/15').containsIP(client_ip)
            action: deny
            mode: enforce
        """;

    public static CompiledPolicy Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "samples", "policies", "edge.yaml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the sample policy {path} is missing; run bench/run from the repository", path);
        }

        var text = File.ReadAllText(path).TrimEnd() + "\n" + ExtraRules;
        var (policy, diagnostics) = PolicyLoader.Load(text, "edge-bench.yaml");
        var (compiled, compileDiagnostics) = policy is null ? (null, []) : PolicyCompiler.Compile(policy, text);
        if (compiled is null || diagnostics.Count > 0 || compileDiagnostics.Count > 0)
        {
            var messages = diagnostics.Concat(compileDiagnostics).Select(d => d.ToString());
            throw new InvalidOperationException("the benchmark policy does not compile: " + string.Join("; ", messages));
        }

        return compiled;
    }
}
