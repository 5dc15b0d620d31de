namespace ReferralFlow.Core.Intake;

/// <summary>A person given on its own (a correction after intake): the reading's problems and the validator's, by path.</summary>
public static class PersonChecks
{
    public static IReadOnlyList<IntakeProblem> Check(PersonInput person, IReadOnlyList<IntakeProblem> shapeProblems, DateOnly today)
    {
        var found = new PersonInputValidator(today).Validate(person).Errors
            .Select(e => new IntakeProblem(IntakeValidator.JsonPath(e.PropertyName), e.ErrorMessage))
            .Where(p => !shapeProblems.Any(s => s.Path == p.Path));
        return [.. shapeProblems.Concat(found).OrderBy(p => p.Path, StringComparer.Ordinal)];
    }
}
