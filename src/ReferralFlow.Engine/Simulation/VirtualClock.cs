namespace ReferralFlow.Engine.Simulation;

/// <summary>
/// A clock that only moves when told to, for simulations and tests. Time never goes backwards; timers created
/// through it (<c>Task.Delay(period, clock)</c>) fire when the clock is moved past their due time.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<VirtualTimer> timers = [];
    private DateTimeOffset now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan period)
    {
        if (period < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A virtual clock never goes backwards: give a positive period.");
        AdvanceTo(GetUtcNow() + period);
    }

    public void AdvanceTo(DateTimeOffset at)
    {
        lock (gate)
        {
            if (at < now)
                throw new ArgumentOutOfRangeException(nameof(at), at,
                    $"A virtual clock never goes backwards: it is already {now:O}.");
            now = at.ToUniversalTime();
        }
        while (NextDueTimer() is { } timer) timer.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private VirtualTimer? NextDueTimer()
    {
        lock (gate)
            return timers.Where(t => t.DueAt <= now).MinBy(t => t.DueAt);
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                this.period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = clock.now + dueTime;
                clock.timers.Add(this);
            }
            return true;
        }

        public void Fire()
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                // A zero period would fire forever within one move of the clock: treat it as one-shot.
                if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
                {
                    DueAt += period;
                    clock.timers.Add(this);
                }
            }
            callback(state);
        }

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
