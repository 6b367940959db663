using System.CommandLine;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop watch</c>: polls the store, runs the detectors and sends each new alert to the
/// sinks once. The store is opened only for each poll, so ingest can write between polls.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var interval = new Option<string>("--interval")
        {
            Description = "Time between polls of the store, such as 30s or 1m. Default: 30s.",
            DefaultValueFactory = _ => "30s",
        };
        var backfill = new Option<string>("--backfill")
        {
            Description = "Alerts older than this before the last stored bucket are not sent. Default: 1h.",
            DefaultValueFactory = _ => "1h",
        };
        var jsonl = new Option<string?>("--jsonl") { Description = "Also append each alert as a JSON line to this file." };
        var webhook = new Option<string?>("--webhook") { Description = "Also POST each alert as JSON to this http or https URL." };
        var once = new Option<bool>("--once") { Description = "Poll once and exit." };
        var follow = new Option<string[]>("--follow")
        {
            Description = "Log files to follow: before each poll, the lines appended since the last poll are ingested. A truncated or replaced file is read again from the start.",
            AllowMultipleArgumentsPerToken = true,
        };
        var detection = new DetectionOptions();
        var command = new Command("watch", "Follow the store and send new alerts to the terminal, a file or a webhook.")
        {
            store, interval, backfill, jsonl, webhook, once, follow,
        };
        detection.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            var settings = new WatchSettings(
                parsed.GetValue(store)!,
                detection.ParseScope(parsed),
                detection.ParseBucket(parsed),
                detection.DetectorSettings(parsed),
                DetectionOptions.ParseDuration(parsed.GetValue(interval) ?? "", "--interval"),
                DetectionOptions.ParseDuration(parsed.GetValue(backfill) ?? "", "--backfill"),
                parsed.GetValue(follow) ?? [],
                detection.ParseSegment(parsed));
            foreach (var path in settings.Follow)
            {
                if (!File.Exists(path))
                {
                    throw new UsageException(Directory.Exists(path)
                        ? $"--follow {path} is a folder; pass the log files to follow, such as {Path.Combine(path, "access.log")}"
                        : $"--follow {path}: no such file; check the path (a file that rotates must exist when watch starts)");
                }
            }

            if (!parsed.GetValue(once))
            {
                var following = settings.Follow.Count == 0 ? "" : $", following {string.Join(", ", settings.Follow)}";
                Console.Error.WriteLine($"watching {settings.StorePath} every {parsed.GetValue(interval)}{following}; "
                    + "alerts are printed as they fire; Ctrl+C stops");
            }

            await using var sinks = await WatchSinks.CreateAsync(parsed.GetValue(jsonl), ParseUrl(parsed.GetValue(webhook)));
            await WatchLoop.RunAsync(settings, sinks, parsed.GetValue(once), cancel);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Uri? ParseUrl(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"invalid --webhook '{text}'; use an absolute http or https URL");
    }
}
