using ReferralFlow.Engine.Simulation;

namespace ReferralFlow.Engine.Tests.Simulation;

public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Moves_only_when_told_and_reports_utc()
    {
        var clock = new VirtualClock(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);

        clock.Advance(TimeSpan.FromDays(7));
        clock.AdvanceTo(Start.AddDays(8));

        Assert.Equal(Start.AddDays(8), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(8), clock.GetElapsedTime(new VirtualClock(Start).GetTimestamp(), clock.GetTimestamp()));
    }

    [Fact]
    public void Never_goes_backwards()
    {
        var clock = new VirtualClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(Start.AddSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task Delay_on_the_clock_completes_when_the_clock_passes_it()
    {
        var clock = new VirtualClock(Start);
        var delay = Task.Delay(TimeSpan.FromHours(2), clock);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromHours(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System);
    }

    [Fact]
    public void Periodic_timer_fires_once_per_period_passed()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        clock.Advance(TimeSpan.FromHours(3.5));

        Assert.Equal(3, fired.Count);
    }
}
