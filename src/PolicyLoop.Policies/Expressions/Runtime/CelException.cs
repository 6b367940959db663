namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>A CEL evaluation error, such as a missing field, a failed conversion or an integer overflow.</summary>
public sealed class CelException : Exception
{
    public CelException()
    {
    }

    public CelException(string message)
        : base(message)
    {
    }

    public CelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
