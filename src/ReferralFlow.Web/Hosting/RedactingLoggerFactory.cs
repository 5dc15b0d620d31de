using System.Collections;

namespace ReferralFlow.Web.Hosting;

/// <summary>The host's logger factory with every logger passing through <see cref="ReplyTokenRedaction"/>.</summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            Carries(state) ? inner.BeginScope(RedactedState.Of(state, state.ToString() ?? "")) : inner.BeginScope(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (!ReplyTokenRedaction.Carries(message) && !Carries(state))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            inner.Log(logLevel, eventId, RedactedState.Of(state, message), exception, static (s, _) => s.ToString());
        }

        private static bool Carries<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Any(p => ReplyTokenRedaction.Carries(Text(p.Value)))
                : ReplyTokenRedaction.Carries(state?.ToString());

        internal static string? Text(object? value) => value switch
        {
            null => null,
            string s => s,
            IEnumerable items and not IDictionary => string.Join(", ", items.Cast<object?>()),
            _ => value.ToString(),
        };
    }

    /// <summary>A log state (values and message) with the token replaced; the message template is kept.</summary>
    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> pairs, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static RedactedState Of<TState>(TState state, string message) => new(
            state is IEnumerable<KeyValuePair<string, object?>> values
                ? [.. values.Select(p => p.Key == "{OriginalFormat}" || !ReplyTokenRedaction.Carries(RedactingLogger.Text(p.Value)) ? p
                    : KeyValuePair.Create(p.Key, (object?)ReplyTokenRedaction.Redact(RedactingLogger.Text(p.Value)!)))]
                : [],
            ReplyTokenRedaction.Redact(message));

        public KeyValuePair<string, object?> this[int index] => pairs[index];
        public int Count => pairs.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => message;
    }
}
