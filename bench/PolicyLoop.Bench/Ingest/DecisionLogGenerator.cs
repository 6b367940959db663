using System.Buffers;
using System.Globalization;
using System.Text.Json;
using static PolicyLoop.Bench.Ingest.TrafficVocabulary;

namespace PolicyLoop.Bench.Ingest;

/// <summary>
/// Writes a seeded, reproducible NDJSON decision log in the canonical event record shape: a mix
/// of sources, Zipf-skewed clients, paths and rules, mostly allowed traffic, IPv4 and some IPv6.
/// Lines are 370 to 870 bytes, about 500 on average. The same seed and size give the same bytes.
/// </summary>
internal sealed class DecisionLogGenerator
{
    private const int ClientCount = 200_000;
    private const int UserCount = 50_000;

    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random _random;
    private readonly ZipfSampler _clients = new(ClientCount, 1.05);
    private readonly ZipfSampler _users = new(UserCount, 1.0);
    private readonly ZipfSampler _paths = new(PathTemplates.Length, 1.2);
    private readonly ZipfSampler _pathIds = new(5_000, 1.1);
    private readonly ZipfSampler _agents = new(UserAgents.Length, 1.3);
    private readonly ZipfSampler _countries = new(Countries.Length, 1.1);
    private readonly ZipfSampler _hosts = new(Hosts.Length, 1.0);
    private readonly string[] _clientAddresses;
    private readonly byte[] _idBytes = new byte[16];
    private DateTime _time = Start;

    public DecisionLogGenerator(int seed)
    {
        _random = new Random(seed);
        _clientAddresses = new string[ClientCount];
        for (var i = 0; i < ClientCount; i++)
        {
            _clientAddresses[i] = _random.NextDouble() < 0.08 ? RandomIPv6() : RandomIPv4();
        }
    }

    /// <summary>Writes lines to <paramref name="path"/> until it contains at least <paramref name="minimumBytes"/>.</summary>
    public long WriteFile(string path, long minimumBytes)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        long lines = 0;
        while (file.Position < minimumBytes)
        {
            WriteEvent(writer);
            writer.Flush();
            file.Write(buffer.WrittenSpan);
            file.WriteByte((byte)'\n');
            buffer.ResetWrittenCount();
            writer.Reset();
            lines++;
        }

        return lines;
    }

    private void WriteEvent(Utf8JsonWriter json)
    {
        _time = _time.AddTicks(_random.Next(1, 20_000) * 10L);
        var source = PickSource();
        var profile = SourceProfile.For(source, this);

        json.WriteStartObject();
        _random.NextBytes(_idBytes);
        json.WriteString("event_id", Convert.ToHexStringLower(_idBytes));
        json.WriteString("time", _time);
        json.WriteString("source", source);
        json.WriteString("decision", profile.Decision);
        json.WriteString("mode", _random.NextDouble() < 0.06 ? "shadow" : "enforce");
        json.WriteString("policy_id", profile.PolicyId);
        json.WriteString("policy_version", profile.PolicyVersion);
        WriteNullable(json, "rule_id", profile.RuleId);
        if (profile.MatchedRules.Length > 0)
        {
            json.WriteStartArray("matched_rules");
            foreach (var rule in profile.MatchedRules)
            {
                json.WriteStringValue(rule);
            }

            json.WriteEndArray();
        }

        WriteNullable(json, "reason", profile.Reason);
        WriteRequest(json, profile);
        WriteMaps(json, source, profile);
        json.WriteEndObject();
    }

    private void WriteRequest(Utf8JsonWriter json, SourceProfile profile)
    {
        json.WriteString("client_ip", _clientAddresses[_clients.Next(_random)]);
        var user = _random.NextDouble() < 0.55 ? "u-" + _users.Next(_random).ToString(CultureInfo.InvariantCulture) : null;
        WriteNullable(json, "user_id", user);
        json.WriteString("method", _random.NextDouble() < 0.7 ? "GET" : (_random.NextDouble() < 0.8 ? "POST" : "PUT"));
        json.WriteString("host", Hosts[_hosts.Next(_random)]);
        json.WriteString("path", PathTemplates[_paths.Next(_random)]
            .Replace("{id}", _pathIds.Next(_random).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        WriteNullable(json, "query", _random.NextDouble() < 0.25 ? Queries[_random.Next(Queries.Length)] : null);
        json.WriteNumber("status", profile.Status);
        json.WriteString("user_agent", UserAgents[_agents.Next(_random)]);
        WriteNullable(json, "referer", _random.NextDouble() < 0.25 ? Referers[_random.Next(Referers.Length)] : null);
        json.WriteNumber("bytes", profile.Status == 200 ? _random.Next(200, 90_000) : _random.Next(0, 600));
        json.WriteString("country", Countries[_countries.Next(_random)]);
    }

    private void WriteMaps(Utf8JsonWriter json, string source, SourceProfile profile)
    {
        if (_random.NextDouble() < 0.3)
        {
            json.WriteStartObject("labels");
            json.WriteString("env", _random.NextDouble() < 0.9 ? "prod" : "staging");
            if (_random.NextDouble() < 0.25)
            {
                json.WriteString("partner", Partners[_random.Next(Partners.Length)]);
            }

            json.WriteEndObject();
        }

        if (source == "moderation")
        {
            json.WriteStartObject("scores");
            foreach (var category in ModerationCategories)
            {
                json.WriteNumber(category, Math.Round(Math.Pow(_random.NextDouble(), 6), 4));
            }

            json.WriteEndObject();
        }

        json.WriteStartObject("attributes");
        if (_random.NextDouble() < 0.3)
        {
            json.WriteString("request_id", _random.NextInt64().ToString("x16", CultureInfo.InvariantCulture));
        }

        json.WriteNumber("latency_ms", Math.Round(_random.NextDouble() * 250, 2));
        if (profile.AnomalyScore > 0)
        {
            json.WriteNumber("anomaly_score", profile.AnomalyScore);
        }

        json.WriteEndObject();
    }

    private string PickSource()
    {
        var draw = _random.NextDouble();
        foreach (var (source, share) in Sources)
        {
            draw -= share;
            if (draw < 0)
            {
                return source;
            }
        }

        return Sources[^1].Source;
    }

    /// <summary>Writes a string field; most absent values are left out, and one in ten is written as null.</summary>
    private void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
        else if (_random.Next(10) == 0)
        {
            json.WriteNull(name);
        }
    }

    private string RandomIPv4() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_random.Next(1, 224)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}");

    private string RandomIPv6() => string.Create(
        CultureInfo.InvariantCulture,
        $"2001:db8:{_random.Next(0x10000):x}:{_random.Next(0x10000):x}::{_random.Next(1, 0x10000):x}");

    internal Random Random => _random;
}
