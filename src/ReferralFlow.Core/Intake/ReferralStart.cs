using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Intake;

/// <summary>What a start did: the referral, and a warning to show (a receiving organisation that cannot be reached yet).</summary>
public sealed record IntakeResult(StartedReferral Referral, bool PersonRecorded, string? Warning);

/// <summary>
/// Starts a referral from its intake: checks the whole input first (every problem listed, nothing written), then in
/// one transaction starts the procedure, stores the person encrypted with its person.recorded audit entry, and assigns
/// the receiving organisation to the procedure's "receiving" role. Either all of it commits or none of it.
/// </summary>
public sealed class ReferralStart(ReferralRuntime runtime, PersonalDataProtector protector, TimeProvider clock)
{
    public Task<IntakeResult> StartAsync(string workflowId, ReferralIntake intake, Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(runtime.OpenDb, actor, unit => StartAsync(unit, workflowId, intake, ct), ct);

    private async Task<IntakeResult> StartAsync(UnitOfWork unit, string workflowId, ReferralIntake intake, CancellationToken ct)
    {
        var (db, actor) = (unit.Db, unit.Actor);
        var now = clock.GetUtcNow();
        var today = Minority.Today(clock);
        var workflow = await runtime.Library.LatestAsync(db, workflowId, ct);
        var organisations = await OrganisationsAsync(db, intake, ct);
        var keys = organisations.Count == Named(intake).Count() ? [] : await db.Organisations.Select(o => o.Key).ToListAsync(ct);
        var problems = IntakeValidator.Check(intake, new IntakeContext(workflow, organisations, keys, today));
        if (problems.Count > 0) throw new ReferralFlowException(IntakeProblem.Describe(problems));

        var person = intake.Person?.ToData();
        var sending = Find(organisations, intake.SendingOrganisation);
        var receiving = Find(organisations, intake.ReceivingOrganisation);
        var particulars = new ReferralParticulars(sending?.Id, receiving?.Id, intake.Corridor?.OriginCode,
            [.. intake.Corridor?.Transit.Select(t => t!.Trim()) ?? []], intake.Corridor?.Destination?.Trim());
        var variables = WorkflowFacts.For(workflow, intake.Variables, person, today, particulars);
        var started = await runtime.StartInAsync(unit, workflow.Id, variables, particulars, ct);

        if (person is not null) PersonRecords.Add(db, protector, started.Id, person, actor, now);
        string? warning = null;
        var roles = await PartnerRoles.OfAsync(db, runtime.Library, workflow.Id, workflow.Version, ct);
        if (receiving is not null && roles.Contains(PartnerAssignments.ReceivingRole))
            warning = (await PartnerAssignments.AssignAsync(db, runtime.Library, started.Id, PartnerAssignments.ReceivingRole, receiving.Key, actor.Name, now, ct)).Warning;
        return new IntakeResult(started, person is not null, warning);
    }

    private static IEnumerable<string> Named(ReferralIntake intake) =>
        new[] { intake.SendingOrganisation, intake.ReceivingOrganisation }
            .Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).Distinct();

    /// <summary>The organisations the input names, by the text that names them (a directory key or an id).</summary>
    private static async Task<IReadOnlyDictionary<string, Organisation>> OrganisationsAsync(ReferralFlowDb db, ReferralIntake intake, CancellationToken ct)
    {
        var found = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var reference in Named(intake))
        {
            if (await PartnerDirectory.LookUpAsync(db, reference, ct) is { } organisation) found[reference] = organisation;
        }
        return found;
    }

    private static Organisation? Find(IReadOnlyDictionary<string, Organisation> organisations, string? reference) =>
        reference is null ? null : organisations.GetValueOrDefault(reference.Trim());
}
