namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>
/// Marks a static method as an overload of a CEL function. The CEL parameter and result types follow from the
/// .NET types (string, long, ulong, double, bool, DateTime, TimeSpan, IList, ICelMap, object for dyn).
/// For a method-style call, the receiver is the first parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class CelFunctionAttribute(string name, CallStyle style = CallStyle.Global) : Attribute
{
    public string Name { get; } = name;

    public CallStyle Style { get; } = style;
}
