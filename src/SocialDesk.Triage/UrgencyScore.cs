namespace SocialDesk.Triage;

/// <summary>
/// Urgency 0-100: what the customer wants, how angry, what is broken, how long they waited, how many channels they tried,
/// how many people see it, and whether a crisis is open.
/// </summary>
internal static class UrgencyScore
{
    public static int Of(Intent intent, double sentimentScore, IReadOnlyList<string> topics, int? waitMinutes, int channelCount,
        IReadOnlyCollection<string> cues, TriageContext? context)
    {
        double urgency = intent switch
        {
            Intent.Complaint => 35,
            Intent.Request => 25,
            Intent.Question => 20,
            Intent.Praise or Intent.Chatter => 5,
            _ => 0,
        };
        if (intent == Intent.Spam)
        {
            return 0;
        }
        urgency += Math.Max(0, -sentimentScore) * 15;
        urgency += topics.Contains(Topics.Outage) ? 12 : 0;
        urgency += topics.Contains(Topics.Rudeness) || topics.Contains(Topics.NoHelp) ? 5 : 0;
        urgency += topics.Contains(Topics.Reliability) ? 4 : 0;
        // Every tenfold of waiting adds the same: 10 minutes gives 5, 100 minutes 10, 1000 minutes 15.
        urgency += waitMinutes is > 0 ? Math.Min(20, 5 * Math.Log10(waitMinutes.Value)) : 0;
        urgency += Math.Min(2, channelCount) * 4;
        urgency += cues.Contains(TriageVocabulary.ChurnCue) ? 8 : 0;
        urgency += cues.Contains(TriageVocabulary.UrgentCue) ? 8 : 0;
        urgency += cues.Contains(TriageVocabulary.SafetyCue) ? 15 : 0;
        // Reach counts from a thousand followers up: 1,000 gives 0, 100,000 gives 10, a million and more 15.
        urgency += context?.AuthorFollowers is > 1000 and var followers ? Math.Min(15, 5 * Math.Log10(followers / 1000.0)) : 0;
        urgency += context?.CrisisActive == true && intent == Intent.Complaint ? 15 : 0;
        return (int)Math.Clamp(Math.Round(urgency), 0, 100);
    }
}
