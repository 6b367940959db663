using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Opa;

/// <summary>
/// Fills request and subject fields from the decision's <c>input</c> where their meaning is
/// plain: <c>method</c>, <c>path</c> (an array of segments is joined with slashes), <c>host</c>,
/// <c>user</c> or <c>subject</c> (a string, or an object with <c>id</c>, <c>name</c> and
/// <c>roles</c>), <c>roles</c>, <c>tenant</c>, and the Envoy external authorization shape
/// <c>attributes.request.http</c>. The whole input stays in the attributes.
/// </summary>
internal static class OpaInputFields
{
    public static void Apply(JsonElement input, DecisionEvent target)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var http = JsonValues.Get(input, "attributes", "request", "http") ?? default;
        target.Method = JsonValues.GetString(input, "method") ?? JsonValues.GetString(http, "method");
        target.Path = PathOf(JsonValues.Get(input, "path")) ?? JsonValues.GetString(http, "path");
        target.Host = JsonValues.GetString(input, "host") ?? JsonValues.GetString(http, "host");
        target.Tenant = JsonValues.GetString(input, "tenant");

        var subject = JsonValues.Get(input, "user") ?? JsonValues.Get(input, "subject");
        target.UserId = SubjectId(subject) ?? JsonValues.GetString(input, "user_id");
        var roles = JsonValues.GetStrings(JsonValues.Get(input, "roles"));
        if (roles.Count == 0 && subject is { ValueKind: JsonValueKind.Object } subjectObject)
        {
            roles = JsonValues.GetStrings(JsonValues.Get(subjectObject, "roles"));
        }

        target.Roles = roles;
        target.ClientIp ??= IpText.Canonicalize(
            JsonValues.GetString(input, "attributes", "source", "address", "socketAddress", "address"));
    }

    private static string? PathOf(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Array } segments)
        {
            return "/" + string.Join("/", JsonValues.GetStrings(segments));
        }

        return value is { } single ? JsonValues.AsString(single) : null;
    }

    private static string? SubjectId(JsonElement? subject) => subject switch
    {
        { ValueKind: JsonValueKind.Object } value =>
            JsonValues.GetString(value, "id") ?? JsonValues.GetString(value, "name"),
        { } value => JsonValues.AsString(value),
        null => null,
    };
}
