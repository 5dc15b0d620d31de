namespace ReferralFlow.Core.Intake;

/// <summary>One thing wrong with the input of a new referral: where (a JSON path such as <c>$.person.birthDate</c>)
/// and what to do. Messages about the person's fields never repeat the value given.</summary>
public sealed record IntakeProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";

    /// <summary>One line listing every problem: the CLI prints it as is, the API returns it as the problem detail.</summary>
    public static string Describe(IReadOnlyList<IntakeProblem> problems, string what = "the referral input") =>
        $"{what} was refused, nothing was created; {(problems.Count == 1 ? "1 problem" : $"{problems.Count} problems")}: " +
        string.Join("; ", problems);
}
