using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Referrals;

/// <summary>
/// The code a follow-up procedure of a case carries (a sub-procedure started by the engine, or a reopening). A partner
/// who knows the case as <c>RF-2027-TRK65</c> must recognise it in every later request, so the follow-up keeps the code
/// of the procedure it follows. It gets a suffix (<c>RF-2027-TRK65/3</c>, the number being its part of the case) only
/// when it runs alongside another procedure of the case: then two live procedures can address partners at once, and
/// their requests must be told apart. A procedure that only waits for the new one (the parent waiting for its
/// monitoring, a grandparent waiting for that parent) does not run alongside it, nor does a closed one.
/// </summary>
public static class CaseParts
{
    public static async Task<(string Code, int Part)> ForFollowUpAsync(ReferralFlowDb db, Referral parent, Guid followUpId, CancellationToken ct)
    {
        var caseCode = CaseCode.Base(parent.CaseCode);
        var members = await MembersAsync(db, caseCode, ct);
        var part = members.Max(m => m.CasePart) + 1;
        // What the new procedure's ancestors wait on, if that is all they do: the new one, or the ancestor below them.
        var waitedOn = (await ReferralChain.OfAsync(db, parent.Id, ct)).Append(followUpId).ToHashSet();
        var alongside = members.Any(m => m.Status == ReferralStatus.Active && m.Id != followUpId && RunsBesides(m, waitedOn));
        return alongside ? (CaseCode.Suffixed(caseCode, part), part) : (parent.CaseCode, part);
    }

    /// <summary>Every procedure of a case, the ones started in this unit of work (not saved yet) included.</summary>
    public static async Task<List<Referral>> MembersAsync(ReferralFlowDb db, string caseCode, CancellationToken ct)
    {
        var suffixed = caseCode + "/";
        var saved = await db.Referrals.Where(r => r.CaseCode == caseCode || r.CaseCode.StartsWith(suffixed)).ToListAsync(ct);
        var unsaved = db.Referrals.Local.Where(r => (r.CaseCode == caseCode || r.CaseCode.StartsWith(suffixed, StringComparison.Ordinal))
            && !saved.Contains(r));
        return [.. saved, .. unsaved];
    }

    // A token waiting on a parallel frame does nothing itself: its branches do, and they are tokens of their own.
    private static bool RunsBesides(Referral referral, HashSet<Guid> waitedOn)
    {
        var state = InstanceState.Deserialize(referral.StateJson);
        var frames = state.Frames.Select(f => f.Id).ToHashSet();
        return state.Tokens.Any(t => !(t.Status == TokenStatus.Waiting && t.BookmarkId is { } on && (waitedOn.Contains(on) || frames.Contains(on))));
    }
}
