using PolicyLoop.Core;
using PolicyLoop.Ingest.Enrichment;

namespace PolicyLoop.Ingest.Tests.Enrichment;

public sealed class EnricherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-enrich-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Enrich_PublicAddress_SetsCountryAsnAndLabel()
    {
        using var enricher = OpenEnricher();
        var decisionEvent = Event("66.249.73.135", "alice");

        enricher.Enrich(decisionEvent);

        decisionEvent.Country.ShouldBe("US");
        decisionEvent.Asn.ShouldBe("AS15169");
        decisionEvent.Org.ShouldBe("GOOGLE");
        decisionEvent.Labels["crawler"].ShouldBe("googlebot");
        decisionEvent.Labels["source"].ShouldBe("waf");
        decisionEvent.Roles.ShouldBe(["admin", "billing"]);
    }

    [Fact]
    public void Enrich_LongestRange_Wins()
    {
        using var enricher = OpenEnricher();
        var decisionEvent = Event("66.249.64.10", null);

        enricher.Enrich(decisionEvent);

        decisionEvent.Labels["crawler"].ShouldBe("googlebot-images");
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.9")]
    [InlineData("198.51.100.7")]
    [InlineData("2001:db8::1")]
    public void Enrich_ReservedAddress_IsNeverLookedUp(string address)
    {
        using var enricher = OpenEnricher();
        var decisionEvent = Event(address, null);

        enricher.Enrich(decisionEvent);

        decisionEvent.Country.ShouldBeNull();
        decisionEvent.Asn.ShouldBeNull();
        decisionEvent.Labels.ContainsKey("crawler").ShouldBeFalse();
    }

    [Fact]
    public void Enrich_AddressOutsideEveryDatabase_LeavesFieldsEmpty()
    {
        using var enricher = OpenEnricher();
        var decisionEvent = Event("8.8.8.8", null);

        enricher.Enrich(decisionEvent);

        decisionEvent.Country.ShouldBeNull();
        decisionEvent.Labels.ContainsKey("crawler").ShouldBeFalse();
    }

    [Fact]
    public void Load_MissingFilesAndBadRows_ReportsEveryProblem()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.csv"), "cidr,label\n66.249.64.0/99,x\nno comma here\n");
        var config = Path.Combine(_folder, "enrich.yaml");
        File.WriteAllText(config, "country: missing.mmdb\nranges:\n  - file: bad.csv\n    label: crawler\ncolour: red\n");

        var loaded = EnrichmentConfigLoader.Load(config, out var problems);
        var enricher = Enricher.Open(loaded, out var openProblems);

        problems.Count.ShouldBe(2);
        problems.ShouldContain(problem => problem.Contains("missing.mmdb", StringComparison.Ordinal));
        problems.ShouldContain(problem => problem.Contains("unknown key 'colour'", StringComparison.Ordinal));
        enricher.ShouldBeNull();
        openProblems.Count.ShouldBe(2);
        openProblems.ShouldContain(problem => problem.Contains("bad.csv:2: invalid CIDR", StringComparison.Ordinal));
        openProblems.ShouldContain(problem => problem.Contains("bad.csv:3: expected two values", StringComparison.Ordinal));
    }

    private Enricher OpenEnricher()
    {
        var country = new MmdbWriter();
        country.Add("66.249.64.0/19", new Dictionary<string, object>
        {
            ["country"] = new Dictionary<string, object> { ["iso_code"] = "US" },
        });
        country.Add("10.0.0.0/8", new Dictionary<string, object> { ["country_code"] = "ZZ" });
        country.Write(Path.Combine(_folder, "country.mmdb"), "Test-Country");
        var asn = new MmdbWriter();
        asn.Add("66.249.64.0/19", new Dictionary<string, object>
        {
            ["autonomous_system_number"] = 15169u,
            ["autonomous_system_organization"] = "GOOGLE",
        });
        asn.Write(Path.Combine(_folder, "asn.mmdb"), "Test-ASN");
        File.WriteAllText(Path.Combine(_folder, "crawlers.csv"),
            "# published ranges\ncidr,crawler\n66.249.64.0/19,googlebot\n66.249.64.0/27,googlebot-images\n198.51.100.0/24,docs\n");
        File.WriteAllText(Path.Combine(_folder, "roles.csv"), "user_id,role\nalice,admin\nalice,billing\n");
        var config = Path.Combine(_folder, "enrich.yaml");
        File.WriteAllText(config, """
            country: country.mmdb
            asn: asn.mmdb
            ranges:
              - file: crawlers.csv
                label: crawler
            users: roles.csv
            """);

        var loaded = EnrichmentConfigLoader.Load(config, out var problems);
        problems.ShouldBeEmpty();
        var enricher = Enricher.Open(loaded, out var openProblems);
        openProblems.ShouldBeEmpty();
        return enricher!;
    }

    private static DecisionEvent Event(string address, string? user) => new()
    {
        EventId = "e1",
        Source = "test",
        ClientIp = address,
        UserId = user,
        Labels = new Dictionary<string, string> { ["source"] = "waf" },
    };
}
