using System.Text;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Alerts;

/// <summary>Appends each alert to a file as one line of JSON, flushed after every alert.</summary>
public sealed class JsonLinesFileSink : IAlertSink
{
    private readonly StreamWriter _writer;

    public JsonLinesFileSink(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    /// <inheritdoc />
    public async ValueTask SendAsync(Anomaly alert, CancellationToken cancellationToken)
    {
        await _writer.WriteLineAsync(AlertJson.ToLine(alert).AsMemory(), cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
