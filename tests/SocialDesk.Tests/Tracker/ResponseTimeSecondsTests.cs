using SocialDesk.Features.Tracker;

namespace SocialDesk.Tests.Tracker;

public class ResponseTimeSecondsTests
{
    private static ResponseTimeSeconds Of(params long[] seconds) =>
        ResponseTimeSeconds.Of([.. seconds.Select(value => value * 1000).Order()])!;

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_values() =>
        Assert.Equal(25, Of(10, 20, 30, 1000).Median);

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value() =>
        Assert.Equal(20, Of(10, 20, 1000).Median);

    [Fact]
    public void P90_is_the_nearest_rank_ceil_of_0_9_n()
    {
        // n = 10: the 9th smallest; n = 11: ceil(9.9) = the 10th; n = 1: the only one.
        Assert.Equal(9, Of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).P90);
        Assert.Equal(10, Of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).P90);
        Assert.Equal(7, Of(7).P90);
    }

    [Fact]
    public void Trimmed_mean_95_is_the_mean_of_the_fastest_ceil_0_95_n()
    {
        // n = 20: the slowest one is dropped; n = 21: ceil(19.95) = 20 are kept.
        var twenty = Enumerable.Repeat(10L, 19).Append(1010).ToArray();
        Assert.Equal(10, Of(twenty).TrimmedMean95);
        Assert.Equal(60, Of(twenty).Mean);
        var twentyOne = Enumerable.Repeat(10L, 19).Append(30).Append(1010).ToArray();
        Assert.Equal(11, Of(twentyOne).TrimmedMean95);
    }

    [Fact]
    public void Below_twenty_responses_the_trimmed_mean_keeps_them_all() =>
        Assert.Equal(Of(1, 2, 3, 1000).Mean, Of(1, 2, 3, 1000).TrimmedMean95);

    [Fact]
    public void No_response_gives_no_statistics() =>
        Assert.Null(ResponseTimeSeconds.Of([]));

    [Fact]
    public void Times_keep_their_milliseconds() =>
        Assert.Equal(1.5, ResponseTimeSeconds.Of([1500])!.Mean);
}
