namespace PolicyLoop.Reports.Model;

/// <summary>One time bucket of the timeline: <c>[Start, Start + width)</c> in UTC.</summary>
public sealed record TimeBucket(DateTime Start, long Events, long Rejects, long LoggedRejects)
{
    public double RejectRate => Events == 0 ? 0 : (double)Rejects / Events;
}
