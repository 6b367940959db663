using System.Reflection;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>One overload of a CEL function: its name, call style, CEL signature and the .NET method behind it.</summary>
internal sealed record Overload(string Name, CallStyle Style, IReadOnlyList<CelType> Parameters, CelType Result, MethodInfo Method);
