namespace PolicyLoop.Ingest.Tests;

/// <summary>Waits for a task's result with a time limit, so a hang fails a test instead of stopping the run.</summary>
internal static class TaskExtensions
{
    public static bool Wait<T>(this Task<T> task, TimeSpan timeout, out T result)
    {
        var finished = task.Wait(timeout, TestContext.Current.CancellationToken);
        result = finished ? task.Result : default!;
        return finished;
    }
}
