using FluentValidation;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Intake;

/// <summary>Country codes as the directory checks them (<see cref="CountryCodes"/>), with the same "write 'GB'" hints; an
/// origin not identified yet is "unknown". A
/// message names the field and what is wrong, never the text typed (it could be anything, a name included).</summary>
public sealed class CorridorValidator : AbstractValidator<CorridorInput>
{
    public CorridorValidator()
    {
        RuleFor(c => c.Origin).NotEmpty()
            .WithMessage($"give the person's country of origin, e.g. \"RO\", or \"{CorridorInput.Unknown}\" until it is identified");
        RuleFor(c => c.Origin).Must(Known!).When(c => !string.IsNullOrWhiteSpace(c.Origin) && !CorridorInput.IsUnknown(c.Origin))
            .WithMessage((_, code) => Problem(code!) + $", or \"{CorridorInput.Unknown}\" until it is identified");
        RuleFor(c => c.Destination).NotEmpty().WithMessage("give the destination country, where the person was found, e.g. \"DE\"");
        RuleFor(c => c.Destination).Must(Known!).When(c => !string.IsNullOrWhiteSpace(c.Destination)).WithMessage((_, code) => Problem(code!));
        RuleForEach(c => c.Transit).NotEmpty().WithMessage("an empty transit country: remove it")
            .Must(Known!).WithMessage((_, code) => Problem(code!));
        RuleFor(c => c.Transit).Must(t => t.Distinct().Count() == t.Count).WithMessage("lists a country twice: list each transit country once");
        RuleFor(c => c.Transit).Must((c, t) => !t.Contains(c.Origin) && !t.Contains(c.Destination))
            .When(c => c.Origin is not null || c.Destination is not null)
            .WithMessage("repeats the origin or destination country: list only the countries in between");
    }

    private static bool Known(string code) => string.IsNullOrWhiteSpace(code) || CountryCodes.IsKnown(code);

    private static string Problem(string code) => CountryCodes.Suggest(code) is { } meant
        ? $"is not an ISO 3166 alpha-2 country code: write '{meant}'"
        : "is not an ISO 3166 alpha-2 country code: write two capital letters such as RO, DE or RS";
}
