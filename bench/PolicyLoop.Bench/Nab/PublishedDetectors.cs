using System.Globalization;
using System.IO.Compression;

namespace PolicyLoop.Bench.Nab;

/// <summary>Reads the anomaly scores that published detectors wrote for the NAB series.</summary>
internal static class PublishedDetectors
{
    /// <summary>The detectors with a folder under <c>detector-scores/</c>, in name order.</summary>
    public static IReadOnlyList<string> List(string nabDirectory)
    {
        var root = Path.Combine(nabDirectory, "detector-scores");
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary>Loads the detector's <c>anomaly_score</c> column for each series; NaN scores read as 0.</summary>
    public static IReadOnlyList<double[]> Load(string nabDirectory, string detector, IReadOnlyList<NabSeries> series)
    {
        var result = new List<double[]>();
        foreach (var s in series)
        {
            var group = Path.GetDirectoryName(s.Name) ?? "";
            var file = $"{detector}_{Path.GetFileName(s.Name)}.gz";
            var path = Path.Combine(nabDirectory, "detector-scores", detector, group, file);
            var scores = ReadScores(path);
            if (scores.Length != s.Times.Length)
            {
                throw new InvalidDataException($"{path}: {scores.Length} rows, the series has {s.Times.Length}");
            }

            result.Add(scores);
        }

        return result;
    }

    private static double[] ReadScores(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = (reader.ReadLine() ?? "").Split(',');
        var column = Array.IndexOf(header, "anomaly_score");
        if (column < 0)
        {
            throw new InvalidDataException($"{path}: no anomaly_score column");
        }

        var scores = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                var value = double.Parse(line.Split(',')[column], NumberStyles.Float, CultureInfo.InvariantCulture);
                scores.Add(double.IsNaN(value) ? 0 : value);
            }
        }

        return scores.ToArray();
    }
}
