namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>Builds the standard CEL runtime error messages.</summary>
public static class CelErrors
{
    public static CelException NoOverload(string function, params object?[] args)
    {
        var types = string.Join(", ", args.Select(arg => CelValues.TypeOf(arg).ToString()));
        return new CelException($"found no matching overload for '{function}' applied to '({types})'");
    }

    public static CelException NoSuchKey(object? key) => new($"no such key: {CelFormat.Display(key)}");

    public static CelException MissingField(string field) =>
        new($"no such field '{field}': the event does not set it; guard with has({field})");
}
