using System.Text.Json;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.AwsWaf;

/// <summary>Header lookups in an AWS WAF <c>httpRequest.headers</c> list of <c>{name, value}</c> objects.</summary>
internal static class AwsWafHeaders
{
    /// <summary>Returns the first value of the header, matching its name without regard to case.</summary>
    public static string? Find(JsonElement request, string name)
    {
        if (JsonValues.Get(request, "headers") is not { ValueKind: JsonValueKind.Array } headers)
        {
            return null;
        }

        foreach (var header in headers.EnumerateArray())
        {
            if (string.Equals(JsonValues.GetString(header, "name"), name, StringComparison.OrdinalIgnoreCase))
            {
                return JsonValues.GetString(header, "value");
            }
        }

        return null;
    }
}
