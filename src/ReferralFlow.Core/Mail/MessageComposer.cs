using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Mail;

/// <summary>What to do with one outbox row: send this e-mail, or do not send it and say why.</summary>
internal abstract record Composition;

internal sealed record ReadyToSend(OutgoingEmail Email) : Composition;

/// <summary>Nobody to send it to: dead at once, with an incident that says what to fix.</summary>
internal sealed record NoAddress(string Reason) : Composition;

/// <summary>The hand-off or task it was about closed before it went out (answered by phone, withdrawn).</summary>
internal sealed record Obsolete(string Reason) : Composition;

/// <summary>Turns an outbox row into an e-mail: resolves the addressee and the sender (the referral's sending
/// organisation; the technical From is always the configured REFERRALFLOW_MAIL_FROM) through the partner directory,
/// gathers the case code, what is asked, the due date and the links, and renders the template in the addressee's
/// language. Reads only; runs after the engine's transaction committed.</summary>
internal sealed class MessageComposer(
    IAddressBook addressBook, TemplateSet templates, IReplyLinks replyLinks, WorkflowLibrary library, MailSettings settings)
{
    public async Task<Composition> ComposeAsync(ReferralFlowDb db, OutboxMessage message, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == message.ReferralId, ct);
        var handOff = message.HandOffId is { } handOffId
            ? await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handOffId, ct) : null;
        var task = TaskId(message) is { } taskId
            ? await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct) : null;
        if (message.Kind != OutboxKinds.Notice)
        {
            // Answered (even "accepted", which keeps the hand-off open), cancelled or expired: asking again would
            // confuse the partner.
            if (handOff is { AnsweredAt: not null })
                return new Obsolete($"not sent: the hand-off was {HandOffStatusCodes.ToCode(handOff.Status)} before the message went out");
            if (task is { Status: not Tasks.WorkTaskStatus.Open })
                return new Obsolete("not sent: the task was closed before the message went out");
            // A reminder to the task's own role (caseworker, guardian …) is the overdue mark in the task inbox;
            // staff are not e-mailed, and it is no incident.
            if (task is not null && message.Recipient == task.Role)
                return new Obsolete("not e-mailed: reminders to staff appear in the task inbox");
        }

        var addressee = await addressBook.ResolveAsync(db, referral.Id, message.Recipient, message.HandOffId, ct);
        if (addressee is null || !TryAddress(addressee.Email, addressee.OrganisationName, out var to))
            return new NoAddress(await NoAddressReasonAsync(db, referral, message, addressee, ct));

        var template = TemplateNames.For(message.Kind, message.Template, message.Recipient);
        var facts = new MessageFacts(
            referral.CaseCode,
            handOff?.Request ?? (message.Kind == OutboxKinds.Notice ? message.Template : message.StepId),
            handOff?.DueAt ?? task?.DueAt,
            await SenderAsync(db, referral.Id, ct),
            await LinksAsync(db, referral, message, template, handOff, task is not null, addressee.ContactId, ct),
            handOff?.Outcome,
            await AlternativesAsync(db, referral.Id, message, handOff, ct));
        facts = facts with { Facts = await StepFacts.GatherAsync(db, library, referral, message.StepId, ct) };
        var rendered = TemplateRenderer.Render(templates, template, addressee.Language, facts);
        return new ReadyToSend(new OutgoingEmail(
            MessageIds.For(message.Id), settings.From, facts.Sender.Email, to, rendered.Language,
            rendered.Subject, rendered.Text, rendered.Html));
    }

    /// <summary>Every message speaks for the referral's sending organisation, with its authorised contact as the
    /// address to reply to. Without a sending organisation, or a contact of it, the deployment's own mailbox
    /// (REFERRALFLOW_MAIL_FROM) stands in: a configured address, never a fixed one.</summary>
    private async Task<MessageSender> SenderAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var sending = await addressBook.SenderAsync(db, referralId, ct);
        var name = sending?.OrganisationName ?? (settings.From.DisplayName is { Length: > 0 } own ? own : "ReferralFlow");
        return new MessageSender(name, sending?.Email is { } email && TryAddress(email, null, out var address) ? address : settings.From);
    }

    private static async Task<string> NoAddressReasonAsync(ReferralFlowDb db, Referrals.Referral referral, OutboxMessage message,
        Addressee? addressee, CancellationToken ct)
    {
        var what = $"The {message.Kind} '{message.Template}' of step '{message.StepId}' was not sent: ";
        if (addressee is null && message.Recipient is Recipients.Coordinator or Recipients.Alternatives or Recipients.FocalPoint)
        {
            var role = message.Recipient == Recipients.FocalPoint ? DirectoryStaffRoles.FocalPoint : DirectoryStaffRoles.Coordinator;
            return what + await StaffContacts.WhatToAddAsync(db, referral.Id, referral.CaseCode, role, ct);
        }
        return what + $"the partner directory {(addressee is null ? "has no" : "has no valid")} e-mail address for the " +
            $"'{message.Recipient}' of this referral. Give that role an authorised contact with an e-mail address in the partner directory.";
    }

    /// <summary>The ladder's "alternatives" rung (issue 3 §4): the directory's active organisations of the same country
    /// and kind offering a service of the partner assigned to the hand-off's role. Name, country and kind only.</summary>
    private async Task<IReadOnlyList<MessageAlternative>> AlternativesAsync(ReferralFlowDb db, Guid referralId,
        OutboxMessage message, HandOffs.HandOff? handOff, CancellationToken ct)
    {
        if (message.Kind != OutboxKinds.Escalation || message.Recipient != Recipients.Alternatives || handOff is null) return [];
        var current = await PartnerAssignments.OrganisationForAsync(db, referralId, handOff.Partner, ct);
        if (current is null) return [];
        var alternatives = await addressBook.AlternativesAsync(db, current.Id, ct);
        return [.. alternatives.Where(o => o.Id != current.Id).Select(o => new MessageAlternative(o.Name, o.Country, o.Kind))];
    }

    /// <summary>Partners get one link per answer they may give; the sending side's staff get the page to act on.</summary>
    private async Task<IReadOnlyList<MessageLink>> LinksAsync(ReferralFlowDb db, Referrals.Referral referral, OutboxMessage message,
        string template, HandOffs.HandOff? handOff, bool isTask, Guid? contactId, CancellationToken ct)
    {
        if (handOff is not null && template != TemplateNames.Escalation && message.Kind != OutboxKinds.Notice)
        {
            var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
            // Outcomes that only the escalation ladder sets (timeout, no-report) are not the partner's to choose.
            var ladder = (definition.Step(handOff.StepId) as PartnerRequestStep)?.Deadline?.Escalate
                .Where(rung => rung.IsOutcome).Select(rung => rung.To).ToHashSet() ?? [];
            return await replyLinks.ForHandOffAsync(db, handOff.Id, contactId, [.. handOff.Outcomes.Where(o => !ladder.Contains(o))], ct);
        }
        if (isTask) return [new MessageLink("tasks", new Uri(settings.PublicUrl, "tasks"))];
        if (template is TemplateNames.Escalation or TemplateNames.OutcomeNotice or TemplateNames.Alert or TemplateNames.ForwardNotice)
            return [new MessageLink("referral", new Uri(settings.PublicUrl, $"referrals/{referral.Id:D}"))];
        return [];
    }

    private static Guid? TaskId(OutboxMessage message)
    {
        using var payload = JsonDocument.Parse(message.PayloadJson);
        return payload.RootElement.TryGetProperty("taskId", out var id) && id.ValueKind == JsonValueKind.String
            && id.TryGetGuid(out var taskId) ? taskId : null;
    }

    private static bool TryAddress(string email, string? displayName, [NotNullWhen(true)] out MailAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(email)) return false;
        try { address = new MailAddress(email.Trim(), displayName); return true; }
        catch (FormatException) { return false; }
    }
}
