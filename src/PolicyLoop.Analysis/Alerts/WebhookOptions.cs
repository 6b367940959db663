namespace PolicyLoop.Analysis.Alerts;

/// <summary>Settings of <see cref="WebhookSink"/>.</summary>
public sealed record WebhookOptions
{
    /// <summary>The URL that receives a POST with one alert as JSON.</summary>
    public required Uri Url { get; init; }

    /// <summary>The time one attempt may take, from connect to response. Default 5 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per alert, the first included. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the first retry; each later retry waits twice as long. Default 1 second.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Alerts waiting to be sent; when full, the oldest is dropped and counted. Default 1,000.</summary>
    public int QueueCapacity { get; init; } = 1000;
}
