namespace SocialDesk.Features.Tracker;

/// <summary>A row of the input that was skipped, with the line where it starts and why.</summary>
public sealed record BadRow(long Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
