using System.Globalization;
using PolicyLoop.Analysis.Alerts;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Cli;

/// <summary>Prints each alert as one line on standard output.</summary>
internal sealed class TerminalAlertSink : IAlertSink
{
    public ValueTask SendAsync(Anomaly alert, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"alert {alert.BucketStart:yyyy-MM-dd HH:mm} {alert.Scope} {alert.Detector} {AlertJson.KindName(alert.Kind)}: "
            + $"observed {alert.Observed:P2}, expected {alert.Expected:P2} (band {alert.Lower:P2} - {alert.Upper:P2}), "
            + $"{alert.Total} events; {alert.Reason}"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
