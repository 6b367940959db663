using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Analysis.Alerts;
using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Tests.Alerts;

public sealed class WebhookSinkTests
{
    private static readonly Anomaly Alert = new(
        new ScopeKey(ScopeLevel.Rule, "aws-waf", "edge-acl", "sqli"),
        new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc),
        TimeSpan.FromMinutes(5),
        AnomalyKind.Spike,
        "seasonal",
        0.3,
        0.05,
        0.01,
        0.09,
        400,
        120,
        "rate 30.00 % is 9.0 robust spreads above the baseline");

    private static WebhookSink Sink(Uri url, HttpClient client, TimeSpan timeout) => new(
        new WebhookOptions { Url = url, Timeout = timeout, MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(20) },
        client,
        NullLogger.Instance,
        TimeProvider.System);

    [Fact]
    public async Task SendAsync_ListenerAccepts_PostsAlertJson()
    {
        await using var listener = new LoopbackListener(_ => 200);
        using var client = new HttpClient();
        var sink = Sink(listener.Url, client, TimeSpan.FromSeconds(5));

        await sink.SendAsync(Alert, TestContext.Current.CancellationToken);
        await sink.CompleteAsync(TimeSpan.FromSeconds(10));

        sink.Sent.ShouldBe(1);
        sink.Failed.ShouldBe(0);
        listener.Received.TryDequeue(out var request).ShouldBeTrue();
        request.Headers.ShouldStartWith("POST /hook HTTP/1.1");
        request.Headers.ShouldContain("application/json", Case.Insensitive);
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("rule_id").GetString().ShouldBe("sqli");
        body.RootElement.GetProperty("detector").GetString().ShouldBe("seasonal");
        body.RootElement.GetProperty("observed_rate").GetDouble().ShouldBe(0.3);
    }

    [Fact]
    public async Task SendAsync_ListenerFailsTwice_RetriesThenDelivers()
    {
        await using var listener = new LoopbackListener(n => n <= 2 ? 503 : 200);
        using var client = new HttpClient();
        var sink = Sink(listener.Url, client, TimeSpan.FromSeconds(5));

        await sink.SendAsync(Alert, TestContext.Current.CancellationToken);
        await sink.CompleteAsync(TimeSpan.FromSeconds(10));

        sink.Sent.ShouldBe(1);
        sink.Retries.ShouldBe(2);
        listener.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task SendAsync_ListenerAlwaysFails_CountsFailure()
    {
        await using var listener = new LoopbackListener(_ => 500);
        using var client = new HttpClient();
        var sink = Sink(listener.Url, client, TimeSpan.FromSeconds(5));

        await sink.SendAsync(Alert, TestContext.Current.CancellationToken);
        await sink.CompleteAsync(TimeSpan.FromSeconds(10));

        sink.Sent.ShouldBe(0);
        sink.Failed.ShouldBe(1);
        listener.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task SendAsync_ListenerHangs_TimesOutWithoutBlocking()
    {
        await using var listener = new LoopbackListener(_ => 0);
        using var client = new HttpClient();
        var sink = Sink(listener.Url, client, TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await sink.SendAsync(Alert, TestContext.Current.CancellationToken);
        }

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(200));
        await sink.CompleteAsync(TimeSpan.FromSeconds(30));
        sink.Failed.ShouldBe(5);
        sink.Sent.ShouldBe(0);
        listener.Requests.ShouldBe(15);
    }
}
