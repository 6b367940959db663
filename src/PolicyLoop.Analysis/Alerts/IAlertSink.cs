using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Alerts;

/// <summary>A destination for alerts: the terminal, a JSON lines file, a webhook.</summary>
public interface IAlertSink : IAsyncDisposable
{
    /// <summary>Sends or queues one alert. A sink that talks to the network must not block the caller on it.</summary>
    ValueTask SendAsync(Anomaly alert, CancellationToken cancellationToken);
}
