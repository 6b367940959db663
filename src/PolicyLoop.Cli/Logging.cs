using Microsoft.Extensions.Logging;

namespace PolicyLoop.Cli;

/// <summary>The CLI's log output: warnings and errors on standard error, more with POLICYLOOP_LOG_LEVEL.</summary>
internal static class Logging
{
    public static ILoggerFactory CreateFactory()
    {
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("POLICYLOOP_LOG_LEVEL"), true, out var parsed)
            ? parsed
            : LogLevel.Warning;
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
