using System.Text.Json.Nodes;

namespace PolicyLoop.Policies.Files;

/// <summary>
/// A policy test: an input event in the event record's JSON shape, sent <see cref="Repeat"/> times
/// <see cref="Interval"/> apart, and the action and deciding rule expected for the last one.
/// </summary>
public sealed record PolicyTest(
    string Name,
    JsonObject Event,
    int Repeat,
    TimeSpan Interval,
    RuleAction ExpectedAction,
    string? ExpectedRule,
    string File,
    int Line);
