namespace PolicyLoop.Storage.Tests;

/// <summary>A fresh folder for one test's store files, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Directory.CreateTempSubdirectory("policyloop-store-").FullName;
    }

    public string Folder { get; }

    public string StorePath => Path.Combine(Folder, "events.duckdb");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
