using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary><c>timestamp()</c>, <c>duration()</c> and their accessors; accessors take an optional time zone.</summary>
internal static class TimeFunctions
{
    [CelFunction("timestamp")]
    public static DateTime Timestamp(string text) => CelTime.CheckTimestamp(CelTime.ParseTimestamp(text));

    [CelFunction("timestamp")]
    public static DateTime Timestamp(DateTime value) => value;

    [CelFunction("timestamp")]
    public static DateTime Timestamp(long seconds) => CelTime.FromUnixSeconds(seconds);

    [CelFunction("duration")]
    public static TimeSpan Duration(string text) => CelTime.ParseDuration(text);

    [CelFunction("duration")]
    public static TimeSpan Duration(TimeSpan value) => value;

    [CelFunction("getFullYear", CallStyle.Method)]
    public static long FullYear(DateTime t) => t.Year;

    [CelFunction("getFullYear", CallStyle.Method)]
    public static long FullYear(DateTime t, string zone) => CelTime.InZone(t, zone).Year;

    [CelFunction("getMonth", CallStyle.Method)]
    public static long Month(DateTime t) => t.Month - 1;

    [CelFunction("getMonth", CallStyle.Method)]
    public static long Month(DateTime t, string zone) => CelTime.InZone(t, zone).Month - 1;

    [CelFunction("getDayOfYear", CallStyle.Method)]
    public static long DayOfYear(DateTime t) => t.DayOfYear - 1;

    [CelFunction("getDayOfYear", CallStyle.Method)]
    public static long DayOfYear(DateTime t, string zone) => CelTime.InZone(t, zone).DayOfYear - 1;

    [CelFunction("getDayOfMonth", CallStyle.Method)]
    public static long DayOfMonth(DateTime t) => t.Day - 1;

    [CelFunction("getDayOfMonth", CallStyle.Method)]
    public static long DayOfMonth(DateTime t, string zone) => CelTime.InZone(t, zone).Day - 1;

    [CelFunction("getDate", CallStyle.Method)]
    public static long Date(DateTime t) => t.Day;

    [CelFunction("getDate", CallStyle.Method)]
    public static long Date(DateTime t, string zone) => CelTime.InZone(t, zone).Day;

    [CelFunction("getDayOfWeek", CallStyle.Method)]
    public static long DayOfWeek(DateTime t) => (long)t.DayOfWeek;

    [CelFunction("getDayOfWeek", CallStyle.Method)]
    public static long DayOfWeek(DateTime t, string zone) => (long)CelTime.InZone(t, zone).DayOfWeek;

    [CelFunction("getHours", CallStyle.Method)]
    public static long Hours(DateTime t) => t.Hour;

    [CelFunction("getHours", CallStyle.Method)]
    public static long Hours(DateTime t, string zone) => CelTime.InZone(t, zone).Hour;

    [CelFunction("getMinutes", CallStyle.Method)]
    public static long Minutes(DateTime t) => t.Minute;

    [CelFunction("getMinutes", CallStyle.Method)]
    public static long Minutes(DateTime t, string zone) => CelTime.InZone(t, zone).Minute;

    [CelFunction("getSeconds", CallStyle.Method)]
    public static long Seconds(DateTime t) => t.Second;

    [CelFunction("getSeconds", CallStyle.Method)]
    public static long Seconds(DateTime t, string zone) => CelTime.InZone(t, zone).Second;

    [CelFunction("getMilliseconds", CallStyle.Method)]
    public static long Milliseconds(DateTime t) => t.Millisecond;

    [CelFunction("getMilliseconds", CallStyle.Method)]
    public static long Milliseconds(DateTime t, string zone) => CelTime.InZone(t, zone).Millisecond;

    [CelFunction("getHours", CallStyle.Method)]
    public static long Hours(TimeSpan d) => (long)d.TotalHours;

    [CelFunction("getMinutes", CallStyle.Method)]
    public static long Minutes(TimeSpan d) => (long)d.TotalMinutes;

    [CelFunction("getSeconds", CallStyle.Method)]
    public static long Seconds(TimeSpan d) => (long)d.TotalSeconds;

    [CelFunction("getMilliseconds", CallStyle.Method)]
    public static long Milliseconds(TimeSpan d) => d.Milliseconds;
}
