using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Bench.Cel;

/// <summary>Decides which conformance tests are inside the supported subset, and declares their variables.</summary>
internal static class ConformanceScope
{
    private static readonly (string Marker, string Reason)[] ExpressionMarkers =
    [
        ("TestAllTypes", "protobuf message types"),
        ("NestedTestAllTypes", "protobuf message types"),
        ("google.protobuf.", "protobuf wrapper and well-known message types"),
        (".?", "optional values"),
        ("optional.", "optional values"),
        ("?.", "optional values"),
    ];

    public static string? OutOfScope(TextMessage test, string expr)
    {
        if (test.Scalar("container") is { Text.Length: > 0 })
        {
            return "protobuf message types (container)";
        }

        if (test.Has("check_only") || test.Has("typed_result"))
        {
            return "type-check only (no evaluation result)";
        }

        if (test.Has("any_unknowns") || test.Has("unknown"))
        {
            return "unknown values";
        }

        foreach (var (marker, reason) in ExpressionMarkers)
        {
            if (expr.Contains(marker, StringComparison.Ordinal) && !(marker == "google.protobuf." && IsTypeName(expr)))
            {
                return reason;
            }
        }

        return null;
    }

    private static bool IsTypeName(string expr) =>
        expr.Contains("google.protobuf.Timestamp", StringComparison.Ordinal) || expr.Contains("google.protobuf.Duration", StringComparison.Ordinal)
            ? !expr.Contains('{', StringComparison.Ordinal)
            : false;

    /// <summary>Declares the test's variables; returns a reason when a declared type is out of scope.</summary>
    public static string? Declare(TextMessage test, CompilerEnvironment environment, Dictionary<string, object?> values)
    {
        foreach (var declaration in test.Messages("type_env"))
        {
            var name = declaration.Scalar("name")!.Text;
            var type = declaration.Message("ident")?.Message("type") is { } typeMessage ? ReadType(typeMessage) : CelType.Dyn;
            if (type is null)
            {
                return "protobuf message types in the type environment";
            }

            environment.Declare(CompilerEnvironment.FreeVariable(name, type));
        }

        foreach (var binding in test.Messages("bindings"))
        {
            var name = binding.Scalar("key")!.Text;
            var value = ConformanceValues.Read(binding.Message("value")!.Message("value")!, out var reason);
            if (reason is not null)
            {
                return reason;
            }

            values[name] = value;
            if (!environment.Variables.ContainsKey(name))
            {
                environment.Declare(CompilerEnvironment.FreeVariable(name, CelType.Dyn));
            }
        }

        return null;
    }

    private static CelType? ReadType(TextMessage type)
    {
        if (type.Scalar("primitive") is { } primitive)
        {
            return primitive.Word switch
            {
                "BOOL" => CelType.Bool,
                "INT64" => CelType.Int,
                "UINT64" => CelType.Uint,
                "DOUBLE" => CelType.Double,
                "STRING" => CelType.String,
                "BYTES" => CelType.Bytes,
                _ => null,
            };
        }

        if (type.Message("list_type") is { } list)
        {
            return ReadType(list.Message("elem_type")!) is { } element ? CelType.List(element) : null;
        }

        if (type.Message("map_type") is { } map)
        {
            var key = ReadType(map.Message("key_type")!);
            var value = ReadType(map.Message("value_type")!);
            return key is null || value is null ? null : CelType.Map(key, value);
        }

        return type.Has("dyn") ? CelType.Dyn : null;
    }
}
