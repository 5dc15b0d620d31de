using FluentValidation;
using FluentValidation.Results;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.People;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Intake;

/// <summary>What intake is checked against: the procedure's latest version, the directory organisations the input
/// names (by key or id; missing ones absent), every directory key (for "did you mean"), and today's date.</summary>
public sealed record IntakeContext(
    WorkflowDefinition Workflow,
    IReadOnlyDictionary<string, Organisation> Organisations,
    IReadOnlyList<string> DirectoryKeys,
    DateOnly Today);

/// <summary>
/// The whole input of a new referral, every problem at once: the person, the corridor, the organisations, the
/// procedure's variables, and the age rule (a child, or a person of unknown age, never starts an adult procedure that
/// has a child counterpart).
/// </summary>
public sealed class IntakeValidator : AbstractValidator<ReferralIntake>
{
    public IntakeValidator(IntakeContext context)
    {
        RuleFor(i => i.Person!).SetValidator(new PersonInputValidator(context.Today)).When(i => i.Person is not null);
        RuleFor(i => i.Corridor!).SetValidator(new CorridorValidator()).When(i => i.Corridor is not null);
        RuleFor(i => i.SendingOrganisation).Custom((key, c) => Organisation(key, context, c));
        RuleFor(i => i.ReceivingOrganisation).Custom((key, c) => Organisation(key, context, c));
        RuleFor(i => i.ReceivingOrganisation)
            .Must((i, key) => !Same(i.SendingOrganisation, key, context))
            .When(i => i.SendingOrganisation is not null && i.ReceivingOrganisation is not null)
            .WithMessage("is also the sending organisation: the receiving one takes the person on in the other country");
        RuleFor(i => i.Variables).Custom((variables, c) => Variables(c.InstanceToValidate, context, c));
        RuleFor(i => i.Person).Must((i, person) => !Minority.IsChild(person!.ParsedBirthDate, context.Today))
            .When(i => i.Person is not null && Minority.ChildProcedureFor(context.Workflow.Id) is not null
                && (i.Person.BirthDate is null || i.Person.ParsedBirthDate is not null))
            .OverridePropertyName("Person.BirthDate")
            .WithMessage(i => ChildMessage(i.Person!, context));
    }

    /// <summary>Every problem, reading's and validation's together, ordered by path; empty when the input is good.</summary>
    public static IReadOnlyList<IntakeProblem> Check(ReferralIntake intake, IntakeContext context)
    {
        var shape = intake.ShapeProblems;
        var checkedProblems = new IntakeValidator(context).Validate(intake).Errors
            .Select(e => new IntakeProblem(JsonPath(e.PropertyName), e.ErrorMessage))
            // A field of the wrong type was read as absent: "give the name" would only repeat "must be a string".
            .Where(p => !shape.Any(s => s.Path == p.Path));
        return [.. shape.Concat(checkedProblems).OrderBy(p => p.Path, StringComparer.Ordinal)];
    }

    /// <summary>"Person.Aliases[1]" → "$.person.aliases[1]"; paths made by hand already start with "$".</summary>
    public static string JsonPath(string propertyName)
    {
        if (propertyName.StartsWith('$')) return propertyName;
        var segments = propertyName.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]);
        return "$." + string.Join(".", segments);
    }

    private static string ChildMessage(PersonInput person, IntakeContext context)
    {
        var instead = Minority.ChildProcedureFor(context.Workflow.Id);
        var why = person.BirthDate is null
            ? "the birth date is unknown, so the person is presumed a minor"
            : $"the person is under {Minority.AgeOfMajority} on {context.Today:yyyy-MM-dd}";
        return $"{why}: a child's referral runs on '{instead}', not '{context.Workflow.Id}'; start '{instead}' instead";
    }

    private static void Organisation(string? reference, IntakeContext context, ValidationContext<ReferralIntake> c)
    {
        if (reference is null) return;
        if (string.IsNullOrWhiteSpace(reference))
            c.AddFailure("give the organisation's directory id (see 'referralflow partners list'), or leave the field out");
        else if (!context.Organisations.TryGetValue(reference.Trim(), out var organisation))
            c.AddFailure("names no organisation of the directory" +
                (Suggestions.Closest(reference.Trim(), context.DirectoryKeys) is { } close ? $"; did you mean '{close}'?" : "; list them with 'referralflow partners list'"));
        else if (!organisation.Active)
            c.AddFailure($"organisation '{organisation.Key}' ({organisation.Name}) is inactive: choose an active one");
    }

    private static bool Same(string? a, string? b, IntakeContext context) =>
        context.Organisations.TryGetValue(a?.Trim() ?? "", out var first) && context.Organisations.TryGetValue(b?.Trim() ?? "", out var second)
        && first.Id == second.Id;

    private static void Variables(ReferralIntake intake, IntakeContext context, ValidationContext<ReferralIntake> c)
    {
        var workflow = context.Workflow;
        var inputs = workflow.Variables.Where(v => v.Value.Input).Select(v => v.Key).ToList();
        foreach (var (name, value) in intake.Variables)
        {
            var path = IntakeReader.VariablePath(name);
            if (!workflow.Variables.TryGetValue(name, out var declared) || !declared.Input)
            {
                c.AddFailure(new ValidationFailure(path, $"'{name}' is not an input of '{workflow.Id}'; " +
                    (inputs.Count == 0 ? "it takes none" : $"its inputs are {string.Join(", ", inputs)}")));
                continue;
            }
            if (intake.Person is not null && WorkflowFacts.DerivedFromPerson.Contains(name))
            {
                c.AddFailure(new ValidationFailure(path, $"'{name}' follows from the person's birth date: leave it out"));
                continue;
            }
            if (Corridor.CorridorFacts.Names.Contains(name))
            {
                c.AddFailure(new ValidationFailure(path, $"'{name}' follows from the corridor: leave it out and give \"corridor\" " +
                    $"(its origin may be \"{CorridorInput.Unknown}\" until it is identified)"));
                continue;
            }
            try
            {
                VariableValues.Normalize(name, declared, value);
            }
            catch (WorkflowInputException e)
            {
                c.AddFailure(new ValidationFailure(path, e.Message.TrimEnd('.')));
            }
        }
    }
}
