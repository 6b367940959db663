using System.Globalization;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A streaming anomaly score for one numeric series built on fuzzy adaptive resonance theory
/// (ART), the idea behind the ARTime detector on the Numenta Anomaly Benchmark (NAB).
/// </summary>
/// <remarks>
/// <para>
/// Each value is scaled to [0, 1] with the input minimum and maximum. The last
/// <see cref="ArtDetectorOptions.WindowLength"/> blocks of <see cref="BlockLength"/> values give
/// a feature vector of each block's mean, minimum and maximum, recomputed at every row.
/// The vector is complement-coded and presented to a <see cref="FuzzyArt"/> memory, whose
/// vigilance follows the activity of the series.
/// </para>
/// <para>
/// The score of a row is the distance of its window outside every learned category, as a share
/// of the decayed maximum of recent distances, times the distance to the power
/// <see cref="ArtDetectorOptions.DistanceExponent"/>. A score that does not exceed every score of
/// the cooldown before it by <see cref="ArtDetectorOptions.CooldownFactor"/> is reported as 0.
/// Rows of the probationary period learn but score 0. Each score uses only the values up to its
/// own row.
/// </para>
/// </remarks>
public sealed class ArtDetector
{
    /// <summary>
    /// The highest vigilance. At 1 a quiet series would make a new category for every window that
    /// differs from a learned one by rounding alone.
    /// </summary>
    private const double MaxVigilance = 0.9999;

    private readonly ArtDetectorOptions _options;
    private readonly double _inputMin;
    private readonly double _inputRange;
    private readonly int _probationLength;
    private readonly SlidingBlocks _blocks;
    private readonly FuzzyArt _memory;
    private readonly double[] _input;
    private readonly double _rowDecay;
    private readonly double[] _recentScores;
    private readonly int _windowRows;
    private long _row;
    private double _activity;
    private double _previousMean;
    private double _reference;

    /// <param name="options">The settings.</param>
    /// <param name="inputMin">The smallest value the series is expected to take.</param>
    /// <param name="inputMax">The largest value the series is expected to take. Values outside
    /// the input range are clipped to it.</param>
    /// <param name="probationLength">Rows at the start that learn but always score 0; it also
    /// sets the block length.</param>
    public ArtDetector(ArtDetectorOptions options, double inputMin, double inputMax, int probationLength)
    {
        Validate(options);
        if (!double.IsFinite(inputMin) || !double.IsFinite(inputMax) || inputMax < inputMin)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the input range [{inputMin}, {inputMax}] is invalid. Pass finite bounds, minimum first."),
                nameof(inputMax));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(probationLength);
        _options = options;
        _inputMin = inputMin;
        _inputRange = inputMax - inputMin;
        _probationLength = probationLength;
        BlockLength = Math.Max(1, probationLength / (options.WindowLength * options.WindowsPerProbation));
        _windowRows = options.WindowLength * BlockLength;
        _blocks = new SlidingBlocks(options.WindowLength, BlockLength);
        _memory = new FuzzyArt(options.Choice);
        _input = new double[2 * _blocks.FeatureCount];
        _rowDecay = Math.Pow(options.ReferenceDecay, 1.0 / BlockLength);
        _recentScores = new double[(int)Math.Round(options.Cooldown * _windowRows)];
    }

    /// <summary>Rows per block, the downsampling step.</summary>
    public int BlockLength { get; }

    /// <summary>The number of categories learned so far.</summary>
    public int CategoryCount => _memory.Count;

    /// <summary>
    /// Scores <paramref name="value"/>, 0 or more, then learns it. A missing (non-finite) value
    /// scores 0 and is skipped.
    /// </summary>
    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        _row++;
        _blocks.Add(_inputRange > 0 ? Math.Clamp((value - _inputMin) / _inputRange, 0, 1) : 0.5);
        if (_row % BlockLength == 0)
        {
            UpdateActivity();
        }

        var score = _blocks.IsFull ? ScoreWindow() : 0;
        var reported = Suppress(score);
        return _row <= _probationLength ? 0 : reported;
    }

    private static void Validate(ArtDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WindowLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WindowsPerProbation, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ActivityWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ActivityWeight, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.VigilanceFactor);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinVigilance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MinVigilance, MaxVigilance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Choice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ReferenceDecay);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ReferenceDecay, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReferenceFloor);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DistanceExponent);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Cooldown);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CooldownFactor, 1);
    }

    /// <summary>Updates the activity EWMA with the block that ends at this row.</summary>
    private void UpdateActivity()
    {
        var (mean, min, max) = _blocks.Block(0);
        var first = _row == BlockLength;
        var activity = max - min + (first ? 0 : Math.Abs(mean - _previousMean));
        _activity = first ? activity : _activity + (_options.ActivityWeight * (activity - _activity));
        _previousMean = mean;
    }

    /// <summary>Scores the current window against the memory, then learns it.</summary>
    private double ScoreWindow()
    {
        var featureCount = _blocks.FeatureCount;
        _blocks.CopyFeatures(_input.AsSpan(0, featureCount));
        for (var k = 0; k < featureCount; k++)
        {
            _input[featureCount + k] = 1 - _input[k];
        }

        var distance = _memory.Distance(_input);
        var vigilance = 1 - (_options.VigilanceFactor * _activity);
        _memory.Learn(_input, Math.Clamp(vigilance, _options.MinVigilance, MaxVigilance));

        var reference = Math.Max(_reference, _options.ReferenceFloor * _activity);

        // The first windows meet an almost empty memory (the very first has distance 1), so the
        // reference starts after two windows.
        if (_row > 2L * _windowRows)
        {
            _reference = Math.Max(_reference * _rowDecay, distance);
        }

        if (reference <= 0)
        {
            return 0;
        }

        return distance / (distance + reference) * Math.Pow(distance, _options.DistanceExponent);
    }

    /// <summary>
    /// Keeps <paramref name="score"/> only when it exceeds every score of the cooldown before it by
    /// the cooldown factor. Probation scores are recorded too, so the first scored rows are
    /// compared with the end of the probation.
    /// </summary>
    private double Suppress(double score)
    {
        if (_recentScores.Length == 0)
        {
            return score;
        }

        var recentMax = 0.0;
        var known = (int)Math.Min(_row - 1, _recentScores.Length);
        for (var i = 0; i < known; i++)
        {
            recentMax = Math.Max(recentMax, _recentScores[i]);
        }

        _recentScores[(_row - 1) % _recentScores.Length] = score;
        return score > 0 && score > recentMax * _options.CooldownFactor ? score : 0;
    }
}
