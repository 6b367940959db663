namespace PolicyLoop.Cli;

/// <summary>A usage or input error found by a command; its message names the value and the fix.</summary>
internal sealed class UsageException(string message) : Exception(message);
