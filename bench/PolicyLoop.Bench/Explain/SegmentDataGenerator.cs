using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Bench.Explain;

/// <summary>
/// Generates encoded events for the explain benchmark: attribute values drawn from Zipf distributions
/// (exponent 1.1) of realistic cardinalities, and rejects at a 4% base rate with three planted segments
/// that reject far more often. The same seed gives the same data.
/// </summary>
internal static class SegmentDataGenerator
{
    /// <summary>Attribute names and cardinalities, in the order the standard attributes use.</summary>
    public static readonly (string Name, int Cardinality)[] Attributes =
    [
        ("client", 100_000), ("client /24", 20_000), ("user agent", 300), ("path template", 1_000),
        ("status class", 5), ("hour (UTC)", 24), ("client /16", 2_000), ("agent kind", 7),
        ("method", 6), ("host", 20), ("country", 120), ("asn", 3_000),
    ];

    public static SegmentData Generate(int events, int attributes, int seed)
    {
        var random = new Random(seed);
        var codes = new int[attributes][];
        var values = new IReadOnlyList<string>[attributes];
        for (var a = 0; a < attributes; a++)
        {
            var (name, cardinality) = Attributes[a];
            var cumulative = ZipfCumulative(cardinality, 1.1);
            var column = new int[events];
            for (var i = 0; i < events; i++)
            {
                var index = Array.BinarySearch(cumulative, random.NextDouble());
                column[i] = 1 + Math.Min(cardinality - 1, index < 0 ? ~index : index);
            }

            codes[a] = column;
            values[a] = [.. Enumerable.Range(0, cardinality + 1).Select(code => code == 0 ? "(none)" : $"{name}-{code}")];
        }

        var groups = new byte[events];
        for (var i = 0; i < events; i++)
        {
            var rejectChance = RejectChance(codes, i);
            groups[i] = random.NextDouble() < rejectChance ? SegmentData.Target : SegmentData.Comparison;
        }

        return new SegmentData([.. Attributes.Take(attributes).Select(attribute => attribute.Name)], codes, values,
            groups);
    }

    private static double RejectChance(int[][] codes, int row)
    {
        // Planted segments: one user agent from one /24; one path template at one hour; one status class.
        if (codes.Length > 3 && codes[2][row] == 5 && codes[1][row] == 3)
        {
            return 0.9;
        }

        if (codes.Length > 5 && codes[3][row] == 11 && codes[5][row] == 4)
        {
            return 0.6;
        }

        return codes.Length > 4 && codes[4][row] == 3 ? 0.15 : 0.04;
    }

    private static double[] ZipfCumulative(int cardinality, double exponent)
    {
        var weights = new double[cardinality];
        var total = 0.0;
        for (var k = 0; k < cardinality; k++)
        {
            weights[k] = 1 / Math.Pow(k + 1, exponent);
            total += weights[k];
        }

        var running = 0.0;
        for (var k = 0; k < cardinality; k++)
        {
            running += weights[k];
            weights[k] = running / total;
        }

        return weights;
    }
}
