using System.Collections;
using System.Reflection;
using PolicyLoop.Policies.Expressions.Net;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>The registered CEL functions, read once from the <see cref="CelFunctionAttribute"/> marks.</summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, List<Overload>> Overloads = Load();

    /// <summary>Every function name, for suggestions on typos.</summary>
    public static IEnumerable<string> Names => Overloads.Keys;

    public static bool Exists(string name) => Overloads.ContainsKey(name);

    /// <summary>Overloads with this name, call style and argument count (the receiver counts as an argument).</summary>
    public static IReadOnlyList<Overload> Find(string name, bool isMethod, int argumentCount)
    {
        if (!Overloads.TryGetValue(name, out var all))
        {
            return [];
        }

        var style = isMethod ? CallStyle.Method : CallStyle.Global;
        return all.Where(o => (o.Style & style) != 0 && o.Parameters.Count == argumentCount).ToList();
    }

    /// <summary>True when the function exists but not in this call style.</summary>
    public static bool ExistsInOtherStyle(string name, bool isMethod) =>
        Overloads.TryGetValue(name, out var all)
        && all.TrueForAll(o => (o.Style & (isMethod ? CallStyle.Method : CallStyle.Global)) == 0);

    public static CelType TypeOf(Type clr) => clr switch
    {
        _ when clr == typeof(bool) => CelType.Bool,
        _ when clr == typeof(long) => CelType.Int,
        _ when clr == typeof(ulong) => CelType.Uint,
        _ when clr == typeof(double) => CelType.Double,
        _ when clr == typeof(string) => CelType.String,
        _ when clr == typeof(CelBytes) => CelType.Bytes,
        _ when clr == typeof(DateTime) => CelType.Timestamp,
        _ when clr == typeof(TimeSpan) => CelType.Duration,
        _ when clr == typeof(IpValue) => CelType.Ip,
        _ when clr == typeof(CidrValue) => CelType.Cidr,
        _ when clr == typeof(CelType) => CelType.Type,
        _ when clr == typeof(IList) => CelType.DynList,
        _ when clr == typeof(ICelMap) => CelType.DynMap,
        _ => CelType.Dyn,
    };

    private static Dictionary<string, List<Overload>> Load()
    {
        Type[] sources =
        [
            typeof(StringFunctions), typeof(ConversionFunctions), typeof(TimeFunctions), typeof(NetFunctions),
            typeof(RegexFunctions), typeof(FormatFunctions),
        ];
        var table = new Dictionary<string, List<Overload>>(StringComparer.Ordinal);
        foreach (var method in sources.SelectMany(s => s.GetMethods(BindingFlags.Public | BindingFlags.Static)))
        {
            foreach (var mark in method.GetCustomAttributes<CelFunctionAttribute>())
            {
                var parameters = method.GetParameters().Select(p => TypeOf(p.ParameterType)).ToList();
                var overload = new Overload(mark.Name, mark.Style, parameters, TypeOf(method.ReturnType), method);
                if (!table.TryGetValue(mark.Name, out var list))
                {
                    table[mark.Name] = list = [];
                }

                list.Add(overload);
            }
        }

        return table;
    }
}
