using System.Diagnostics;
using System.Globalization;
using PolicyLoop.Ingest;

namespace PolicyLoop.Cli;

/// <summary>
/// Shows ingest progress on standard error: a redrawn bar on a terminal, otherwise a plain line
/// at most every five seconds. Standard output stays free for the report.
/// </summary>
internal sealed class IngestProgressDisplay : IProgress<IngestProgress>
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly bool _terminal;
    private readonly bool _quiet;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown = TimeSpan.Zero;
    private bool _drawn;

    private IngestProgressDisplay(bool terminal, bool quiet)
    {
        _terminal = terminal;
        _quiet = quiet;
    }

    public static IngestProgressDisplay Create(bool json) =>
        new(terminal: !Console.IsErrorRedirected, quiet: json && Console.IsErrorRedirected);

    public void Report(IngestProgress value)
    {
        var interval = _terminal ? TerminalInterval : PlainInterval;
        if (_quiet || _clock.Elapsed - _lastShown < interval)
        {
            return;
        }

        _lastShown = _clock.Elapsed;
        var line = Describe(value);
        if (_terminal)
        {
            Console.Error.Write("\r" + line.PadRight(Math.Max(0, SafeWidth() - 1)));
            _drawn = true;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Clears the bar so the report starts on a clean line.</summary>
    public void Complete()
    {
        if (_drawn)
        {
            Console.Error.Write("\r" + new string(' ', Math.Max(0, SafeWidth() - 1)) + "\r");
        }
    }

    private static string Describe(IngestProgress value)
    {
        var records = value.Records.ToString("N0", CultureInfo.InvariantCulture);
        var megabytes = (value.BytesRead / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
        if (value.BytesTotal is not { } total || total <= 0)
        {
            return $"ingest {value.Input}: {records} records, {megabytes} MB";
        }

        var fraction = Math.Clamp((double)value.BytesRead / total, 0, 1);
        const int Width = 24;
        var filled = (int)(fraction * Width);
        var bar = new string('#', filled) + new string('-', Width - filled);
        var percent = (fraction * 100).ToString("F0", CultureInfo.InvariantCulture);
        return $"[{bar}] {percent,3}% {value.Input}: {records} records, {megabytes} MB";
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
