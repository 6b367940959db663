namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>How a function is called: <c>f(x, y)</c>, <c>x.f(y)</c>, or either.</summary>
[Flags]
internal enum CallStyle
{
    Global = 1,
    Method = 2,
    Both = Global | Method,
}
