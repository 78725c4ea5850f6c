namespace SocialDesk.Triage.Tests;

public class WaitMinutesTests
{
    [Theory]
    [InlineData("45 minutes en attente au téléphone", 45)]
    [InlineData("on hold for 2 hours", 120)]
    [InlineData("deux jours que j'attends", 2880)]
    [InlineData("waiting for half an hour at the counter", 30)]
    [InlineData("1h30 d'attente à la caisse", 90)]
    [InlineData("une heure et demie que j'attends", 90)]
    [InlineData("seit 45 Minuten in der Warteschleife", 45)]
    [InlineData("ich warte seit anderthalb Stunden", 90)]
    [InlineData("llevo una hora y media esperando", 90)]
    [InlineData("esperando desde hace 3 semanas", 30240)]
    [InlineData("still no refund after a couple of weeks", 20160)]
    [InlineData("delayed 3 hrs and counting", 180)]
    public void Reads_the_waiting_time_a_customer_states(string text, int minutes)
    {
        Assert.Equal(minutes, Triager.Default.Analyze(text).WaitMinutes);
    }

    [Theory]
    [InlineData("I've had this phone for 2 years and love it")]
    [InlineData("the film lasts 2 hours")]
    [InlineData("we are waiting for the update")]
    public void Reads_no_waiting_time_where_none_is_stated(string text)
    {
        Assert.Null(Triager.Default.Analyze(text).WaitMinutes);
    }

    [Fact]
    public void The_longest_stated_wait_wins()
    {
        Assert.Equal(180, Triager.Default.Analyze("waited 20 minutes, then another 3 hours on hold").WaitMinutes);
    }

    [Fact]
    public void A_stated_wait_adds_the_waiting_topic()
    {
        Assert.Contains(Topics.Waiting, Triager.Default.Analyze("seit drei Tagen kein Internet").Topics);
    }
}
