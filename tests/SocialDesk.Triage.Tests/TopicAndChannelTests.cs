namespace SocialDesk.Triage.Tests;

public class TopicAndChannelTests
{
    [Theory]
    [InlineData("power cut in our whole street", Topics.Outage)]
    [InlineData("panne de courant depuis ce matin", Topics.Outage)]
    [InlineData("Störung im ganzen Viertel", Topics.Outage)]
    [InlineData("apagón en todo el barrio", Topics.Outage)]
    [InlineData("you charged me twice for the same invoice", Topics.Billing)]
    [InlineData("prélevé deux fois ce mois-ci", Topics.Billing)]
    [InlineData("doppelt abgebucht", Topics.Billing)]
    [InlineData("me cobraron dos veces", Topics.Billing)]
    [InlineData("connection keeps dropping", Topics.Reliability)]
    [InlineData("ça coupe tout le temps", Topics.Reliability)]
    [InlineData("the agent was rude and hung up", Topics.Rudeness)]
    [InlineData("la conseillère était très désagréable", Topics.Rudeness)]
    [InlineData("emailed three times, no answer", Topics.NoHelp)]
    [InlineData("keine Antwort seit Tagen", Topics.NoHelp)]
    [InlineData("your staff have no idea what they are doing", Topics.Incompetence)]
    [InlineData("des incompétents du début à la fin", Topics.Incompetence)]
    [InlineData("my parcel never arrived", Topics.Delivery)]
    [InlineData("mi pedido no ha llegado", Topics.Delivery)]
    [InlineData("I'm locked out of my account", Topics.Account)]
    [InlineData("mot de passe oublié et compte bloqué", Topics.Account)]
    public void Finds_topics_in_four_languages(string text, string topic)
    {
        Assert.Contains(topic, Triager.Default.Analyze(text).Topics);
    }

    [Fact]
    public void Finds_several_topics_in_one_message()
    {
        var topics = Triager.Default.Analyze("internet down again and you still billed me for the month").Topics;
        Assert.Equal([Topics.Outage, Topics.Billing], topics);
    }

    [Fact]
    public void Finds_no_topic_in_chatter()
    {
        Assert.Empty(Triager.Default.Analyze("what a lovely sunny day").Topics);
    }

    [Theory]
    [InlineData("called your hotline three times", Channels.Phone)]
    [InlineData("j'ai appelé le service client", Channels.Phone)]
    [InlineData("sent an email last week", Channels.Email)]
    [InlineData("ich habe eine E-Mail geschrieben", Channels.Email)]
    [InlineData("the live chat closed on me", Channels.Chat)]
    [InlineData("j'ai essayé le tchat", Channels.Chat)]
    [InlineData("went to the store and they sent me home", Channels.Store)]
    [InlineData("fui a la tienda", Channels.Store)]
    [InlineData("I sent you a DM", Channels.Social)]
    [InlineData("je vous ai écrit sur Facebook", Channels.Social)]
    public void Finds_the_channels_a_customer_tried(string text, string channel)
    {
        Assert.Equal([channel], Triager.Default.Analyze(text).Channels);
    }
}
