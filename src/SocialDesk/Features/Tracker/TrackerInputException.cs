namespace SocialDesk.Features.Tracker;

/// <summary>An input the tracker cannot read at all, such as a CSV without the TWCS columns.</summary>
public sealed class TrackerInputException(string message) : Exception(message);
