using System.CommandLine;
using PolicyLoop.Ingest.Enrichment;

namespace PolicyLoop.Cli;

/// <summary>The <c>--enrich</c> option of ingest and analyze, and the loading of an enrichment file.</summary>
internal static class EnrichmentOption
{
    public static Option<string?> Create() => new("--enrich")
    {
        Description = "YAML enrichment file: MaxMind-format country and ASN databases, CIDR range labels, user roles.",
    };

    /// <summary>Opens the enricher the file describes, or fails with a usage error that lists every problem.</summary>
    public static Enricher Open(string path)
    {
        var config = EnrichmentConfigLoader.Load(path, out var problems);
        var enricher = problems.Count == 0 ? Enricher.Open(config, out problems) : null;
        if (enricher is null)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            throw new UsageException($"the enrichment file {path} has problems; fix the ones listed above");
        }

        return enricher;
    }
}
