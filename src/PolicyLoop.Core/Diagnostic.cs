namespace PolicyLoop.Core;

/// <summary>
/// A problem reported to a user: a stable code, a plain message, where it was found and what to do.
/// </summary>
public sealed record Diagnostic(string Code, string Message, DiagnosticLocation? Location = null, string? Hint = null)
{
    public override string ToString()
    {
        var where = Location is null ? "" : Location + ": ";
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{where}{Code}: {Message}{hint}";
    }
}
