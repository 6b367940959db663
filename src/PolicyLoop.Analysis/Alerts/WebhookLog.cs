using Microsoft.Extensions.Logging;

namespace PolicyLoop.Analysis.Alerts;

/// <summary>Log messages of the webhook sink, event ids 4100-4199.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Webhook attempt {Attempt} of {MaxAttempts} for alert {AlertId} failed: {Error}; retrying in {Delay}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, int maxAttempts, string alertId, string error, TimeSpan delay);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "Webhook gave up on alert {AlertId} after {MaxAttempts} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, string alertId, int maxAttempts, string error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Webhook queue is full; dropped the oldest alert ({Dropped} dropped so far)")]
    public static partial void Dropped(ILogger logger, long dropped);
}
