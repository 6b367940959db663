namespace PolicyLoop.Core;

/// <summary>
/// Which stored events to read: a half-open time range <c>[Since, Until)</c> in UTC and an
/// optional source. Events come back in time order, ties broken by event id, so every read of
/// the same store gives the same sequence.
/// </summary>
public sealed record EventQuery(DateTime? Since = null, DateTime? Until = null, string? Source = null);
