namespace PolicyLoop.Cli;

/// <summary>The process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>The command completed.</summary>
    public const int Success = 0;

    /// <summary>The command completed with findings: quarantined records under --strict, failed tests, thresholds crossed.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or input: an unknown option, an unreadable input, an invalid file.</summary>
    public const int UsageOrInput = 2;

    /// <summary>The store could not be opened or written.</summary>
    public const int StoreError = 3;

    /// <summary>An unexpected internal error.</summary>
    public const int InternalError = 4;
}
