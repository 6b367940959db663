using PolicyLoop.Analysis.Alerts;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Cli;

/// <summary>The sinks of one watch run: always the terminal, optionally a JSON lines file and a webhook.</summary>
internal sealed class WatchSinks : IAsyncDisposable
{
    private readonly List<IAlertSink> _sinks = [new TerminalAlertSink()];
    private readonly List<IDisposable> _owned = [];

    public static ValueTask<WatchSinks> CreateAsync(string? jsonlPath, Uri? webhook)
    {
        var result = new WatchSinks();
        if (jsonlPath is not null)
        {
            result._sinks.Add(new JsonLinesFileSink(jsonlPath));
        }

        if (webhook is not null)
        {
            var factory = Logging.CreateFactory();
            var client = new HttpClient();
            result._owned.Add(factory);
            result._owned.Add(client);
            result._sinks.Add(new WebhookSink(
                new WebhookOptions { Url = webhook }, client, factory.CreateLogger("PolicyLoop.Webhook"), TimeProvider.System));
        }

        return ValueTask.FromResult(result);
    }

    public async ValueTask SendAsync(Anomaly alert, CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
        {
            await sink.SendAsync(alert, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync();
        }

        _owned.ForEach(o => o.Dispose());
    }
}
