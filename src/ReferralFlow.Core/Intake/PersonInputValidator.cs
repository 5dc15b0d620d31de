using FluentValidation;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Intake;

/// <summary>The person's fields. No message repeats what was typed: the value is personal data, and messages reach
/// the terminal, the API client and possibly a log.</summary>
public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public const int NameLength = 200;
    public const int NumberLength = 64;
    public const int ContactLength = 500;
    public const int NotesLength = 4000;

    public PersonInputValidator(DateOnly today)
    {
        RuleFor(p => p.FullName).NotEmpty().WithMessage("give the person's full name (as the person gives it if there are no papers)")
            .MaximumLength(NameLength).WithMessage($"is longer than {NameLength} characters");
        RuleForEach(p => p.Aliases).NotEmpty().WithMessage("an alias must not be empty: remove the empty entry")
            .MaximumLength(NameLength).WithMessage($"is longer than {NameLength} characters");
        RuleFor(p => p.BirthDate).Must(d => IntakeFormats.Date(d) is not null)
            .When(p => p.BirthDate is not null)
            .WithMessage("is not an ISO date: write it as YYYY-MM-DD, or leave birthDate out when it is unknown (the person is then presumed a minor)");
        RuleFor(p => p.BirthDate).Must(d => IntakeFormats.Date(d) <= today)
            .When(p => IntakeFormats.Date(p.BirthDate) is not null)
            .WithMessage($"lies in the future (today is {today:yyyy-MM-dd}): check the year");
        RuleFor(p => p.Nationality).Must(n => CountryCodes.IsKnown(n!.Trim()))
            .When(p => !string.IsNullOrWhiteSpace(p.Nationality))
            .WithMessage("is not an ISO 3166 alpha-2 country code: write two capital letters such as RO, NG or RS");
        RuleForEach(p => p.Languages).Must(l => l is not null && DirectoryLanguages.IsKnown(l.Trim()))
            .WithMessage("is not a known ISO 639-1 language code: write two lower-case letters such as ro, en or bg");
        RuleFor(p => p.DocumentNumber).MaximumLength(NumberLength).WithMessage($"is longer than {NumberLength} characters");
        RuleFor(p => p.Contact).MaximumLength(ContactLength).WithMessage($"is longer than {ContactLength} characters");
        RuleFor(p => p.HealthNotes).MaximumLength(NotesLength).WithMessage($"is longer than {NotesLength} characters");
    }
}
