namespace PolicyLoop.Core;

/// <summary>A key and its event count; <see cref="Rejects"/> counts the rejects among them.</summary>
public sealed record CountRow(string Key, long Events, long Rejects);
