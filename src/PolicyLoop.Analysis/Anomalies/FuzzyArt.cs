namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A fuzzy ART category memory over complement-coded inputs.
/// With complement coding each category's weights describe a hyperbox in [0, 1]^n. An input
/// resonates with a category when the match <c>|I ∧ w| / |I|</c> reaches the vigilance, and among
/// those categories the one with the highest choice value <c>|I ∧ w| / (alpha + |w|)</c> learns
/// the input with fast learning (<c>w = I ∧ w</c>), so its box grows to cover it. An input that
/// resonates with no category becomes a new category.
/// </summary>
internal sealed class FuzzyArt
{
    /// <summary>Distances below this come from rounding in the sums and count as 0.</summary>
    private const double DistanceTolerance = 1e-9;

    private readonly List<double[]> _weights = [];
    private readonly List<double> _weightSizes = [];
    private readonly double _choice;

    /// <param name="choice">The choice parameter (alpha), greater than 0. Small values favour the
    /// category that already covers the input.</param>
    public FuzzyArt(double choice)
    {
        _choice = choice;
    }

    /// <summary>The number of categories.</summary>
    public int Count => _weights.Count;

    /// <summary>
    /// Returns how far <paramref name="input"/> lies outside the nearest category box: the
    /// smallest <c>|w| - |I ∧ w|</c>, the L1 distance from the input to the box, divided by
    /// <c>|I|</c>, the number of features. It is 0 inside a box (or within rounding of it) and 1
    /// when there is no category.
    /// </summary>
    public double Distance(ReadOnlySpan<double> input)
    {
        var inputSize = Sum(input);
        var best = 1.0;
        for (var j = 0; j < _weights.Count; j++)
        {
            best = Math.Min(best, (_weightSizes[j] - Intersection(input, _weights[j])) / inputSize);
        }

        return best < DistanceTolerance ? 0 : best;
    }

    /// <summary>
    /// Presents <paramref name="input"/> at <paramref name="vigilance"/> and learns it. Returns
    /// true when it resonated with no category and became a new one.
    /// </summary>
    public bool Learn(ReadOnlySpan<double> input, double vigilance)
    {
        var inputSize = Sum(input);
        var chosen = -1;
        var chosenValue = double.NegativeInfinity;
        for (var j = 0; j < _weights.Count; j++)
        {
            // Taking the best choice value among the categories that pass the vigilance test picks
            // the same category as ART's search, which resets each failing winner in turn.
            var intersection = Intersection(input, _weights[j]);
            var choiceValue = intersection / (_choice + _weightSizes[j]);
            if (intersection >= vigilance * inputSize && choiceValue > chosenValue)
            {
                chosenValue = choiceValue;
                chosen = j;
            }
        }

        if (chosen < 0)
        {
            _weights.Add(input.ToArray());
            _weightSizes.Add(inputSize);
            return true;
        }

        var weights = _weights[chosen];
        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] = Math.Min(input[k], weights[k]);
        }

        _weightSizes[chosen] = Sum(weights);
        return false;
    }

    private static double Intersection(ReadOnlySpan<double> input, double[] weights)
    {
        var sum = 0.0;
        for (var k = 0; k < input.Length; k++)
        {
            sum += Math.Min(input[k], weights[k]);
        }

        return sum;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
