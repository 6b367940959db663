namespace PolicyLoop.Reports;

/// <summary>Draws values as a line of block characters, lowest to highest.</summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>Scales the values between their minimum and maximum; a flat series draws the lowest block.</summary>
    public static string Draw(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var min = values.Min();
        var range = values.Max() - min;
        var chars = values
            .Select(v => range <= 0 ? Blocks[0] : Blocks[(int)Math.Round((v - min) / range * (Blocks.Length - 1))])
            .ToArray();
        return new string(chars);
    }
}
