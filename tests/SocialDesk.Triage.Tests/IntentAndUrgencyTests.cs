namespace SocialDesk.Triage.Tests;

public class IntentAndUrgencyTests
{
    [Theory]
    [InlineData("@Acme internet down for the third time this week, fix it", Intent.Complaint)]
    [InlineData("@Acme how do I change my billing address?", Intent.Question)]
    [InlineData("@Acme please send me a copy of my contract", Intent.Request)]
    [InlineData("@Acme thank you, the technician was brilliant", Intent.Praise)]
    [InlineData("lovely weather in Lyon today", Intent.Chatter)]
    [InlineData("Get 1000 free followers now!! click here http://x.example http://y.example", Intent.Spam)]
    public void Decides_the_intent(string text, Intent intent)
    {
        Assert.Equal(intent, Triager.Default.Analyze(text).Intent);
    }

    [Theory]
    [InlineData(Intent.Complaint, true)]
    [InlineData(Intent.Question, true)]
    [InlineData(Intent.Request, true)]
    [InlineData(Intent.Praise, false)]
    [InlineData(Intent.Chatter, false)]
    [InlineData(Intent.Spam, false)]
    public void Actionable_means_complaint_question_or_request(Intent intent, bool actionable)
    {
        string text = intent switch
        {
            Intent.Complaint => "no internet since yesterday, unacceptable",
            Intent.Question => "what are your opening hours?",
            Intent.Request => "please update my address",
            Intent.Praise => "thanks a lot, great service",
            Intent.Chatter => "off to the cinema",
            _ => "win a free crypto giveaway click here http://a.example http://b.example",
        };
        var result = Triager.Default.Analyze(text);
        Assert.Equal(intent, result.Intent);
        Assert.Equal(actionable, result.Actionable);
    }

    [Fact]
    public void An_author_with_a_large_audience_is_more_urgent()
    {
        const string text = "no internet since yesterday, unacceptable";
        int plain = Triager.Default.Analyze(text).Urgency;
        int famous = Triager.Default.Analyze(text, new TriageContext(AuthorFollowers: 500_000)).Urgency;
        Assert.True(famous >= plain + 10, $"{famous} should exceed {plain} by 10");
    }

    [Fact]
    public void An_open_crisis_raises_complaints()
    {
        const string text = "power cut again in my street";
        Assert.True(Triager.Default.Analyze(text, new TriageContext(CrisisActive: true)).Urgency > Triager.Default.Analyze(text).Urgency);
    }

    [Fact]
    public void A_long_wait_on_several_channels_is_more_urgent_than_a_question()
    {
        int angry = Triager.Default.Analyze("on hold 3 hours, emailed twice, nobody helps. Unacceptable").Urgency;
        int question = Triager.Default.Analyze("what are your opening hours?").Urgency;
        Assert.InRange(angry, 60, 100);
        Assert.InRange(question, 0, 30);
    }

    [Fact]
    public void Spam_is_never_urgent()
    {
        var result = Triager.Default.Analyze("WIN a free giveaway!!! click here http://a.example #win #free #giveaway #now", new TriageContext(1_000_000, true));
        Assert.Equal(0, result.Urgency);
    }
}
