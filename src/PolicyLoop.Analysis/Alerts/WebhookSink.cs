using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Alerts;

/// <summary>
/// POSTs each alert as JSON to a webhook from a background task, so <see cref="SendAsync"/> only
/// queues. Each attempt has a timeout. A failed attempt (a network error, a timeout or a status
/// other than 2xx) is retried with exponential backoff, and the last failure is logged and counted.
/// </summary>
public sealed class WebhookSink : IAlertSink
{
    private readonly WebhookOptions _options;
    private readonly HttpClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Anomaly> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;
    private long _sent;
    private long _failed;
    private long _retries;
    private long _dropped;

    public WebhookSink(WebhookOptions options, HttpClient client, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = client;
        _logger = logger;
        _time = time;
        _queue = Channel.CreateBounded<Anomaly>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => WebhookLog.Dropped(_logger, Interlocked.Increment(ref _dropped)));
        _worker = Task.Run(DeliverAllAsync);
    }

    /// <summary>Alerts delivered with a 2xx response.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Alerts given up after every attempt failed.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Attempts that failed and were retried.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Alerts dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public ValueTask SendAsync(Anomaly alert, CancellationToken cancellationToken)
    {
        _queue.Writer.TryWrite(alert);
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops taking alerts and waits up to <paramref name="drainTimeout"/> for the queue to empty.</summary>
    public async Task CompleteAsync(TimeSpan drainTimeout)
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_worker, Task.Delay(drainTimeout, _time)) != _worker)
        {
            await _stopping.CancelAsync();
        }

        await _worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync(_options.Timeout);
        _stopping.Dispose();
    }

    private async Task DeliverAllAsync()
    {
        await foreach (var alert in _queue.Reader.ReadAllAsync(_stopping.Token))
        {
            await DeliverAsync(alert);
        }
    }

    private async Task DeliverAsync(Anomaly alert)
    {
        var body = AlertJson.ToLine(alert);
        var delay = _options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var error = await TryPostAsync(body);
            if (error is null)
            {
                Interlocked.Increment(ref _sent);
                return;
            }

            if (attempt >= _options.MaxAttempts || _stopping.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failed);
                WebhookLog.GaveUp(_logger, alert.Id, _options.MaxAttempts, error);
                return;
            }

            Interlocked.Increment(ref _retries);
            WebhookLog.AttemptFailed(_logger, attempt, _options.MaxAttempts, alert.Id, error, delay);
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay *= 2;
        }
    }

    /// <summary>Posts once and returns null on a 2xx response, otherwise the reason it failed.</summary>
    private async Task<string?> TryPostAsync(string body)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_options.Timeout);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await _client.PostAsync(_options.Url, content, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"status {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return $"timed out after {_options.Timeout.TotalSeconds:0.###} s";
        }
        catch (OperationCanceledException)
        {
            return "cancelled while stopping";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }
}
