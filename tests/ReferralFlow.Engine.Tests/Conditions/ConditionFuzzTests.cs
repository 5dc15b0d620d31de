using ReferralFlow.Engine.Conditions;
using static ReferralFlow.Engine.Tests.Conditions.ConditionTestSupport;

namespace ReferralFlow.Engine.Tests.Conditions;

public class ConditionFuzzTests
{
    private static readonly string[] Fragments =
    [
        "risk.level", "person.isChild", "person.age", "referral.received", "unknown.x", "risk.", "date",
        "and", "or", "not", "in", "true", "false", "AND",
        "==", "!=", "<", "<=", ">", ">=", "=", "!", "&&", "(", ")", "[", "]", ",", ".", "-", "\\",
        "'high'", "'it\\'s'", "'", "''", "\"x\"", "3", "2.5", "-1", "2.", "99999999999999999999999999999999",
        "date'2026-01-31'", "date'2026-13-01'", "é", "\t", " ",
    ];

    [Fact]
    public void Compile_never_throws_for_random_token_sequences()
    {
        var random = new Random(20260131);
        var compiled = 0;
        for (var i = 0; i < 500; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            compiled += AssertWellBehaved(string.Join(random.Next(3) == 0 ? "" : " ", parts)) ? 1 : 0;
        }

        // Guards against a fuzz alphabet that only ever exercises one path.
        Assert.InRange(compiled, 1, 499);
    }

    [Fact]
    public void Compile_never_throws_for_random_characters()
    {
        const string alphabet = "abdeintorlvx.-_'\\ ()[],=!<>0123456789\"é";
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            AssertWellBehaved(new string(Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }
    }

    // Type checking must rule out every runtime failure other than missing inputs.
    private static bool AssertWellBehaved(string text)
    {
        var result = ConditionCompiler.Compile(text, Declared);

        if (result.Success)
        {
            result.Condition!.Evaluate(Values());
            return true;
        }

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error =>
        {
            Assert.InRange(error.Position, 0, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        });
        Assert.Equal(result.Errors.OrderBy(e => e.Position), result.Errors);
        return false;
    }
}
