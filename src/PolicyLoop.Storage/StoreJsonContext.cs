using System.Text.Json.Serialization;

namespace PolicyLoop.Storage;

/// <summary>Source-generated JSON for the map columns.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
