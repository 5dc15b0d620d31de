using ReferralFlow.Core.Acting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Protection;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.People;

/// <summary>The person is stored after the procedure has started and flushed its rows: a failure there must take the
/// whole start back.</summary>
public class IntakeTransactionTests
{
    [Fact]
    public async Task A_failure_while_storing_the_person_leaves_no_referral_no_history_and_no_audit_entry()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "intake_transaction");
        var start = new ReferralStart(harness.Runtime, new PersonalDataProtector(new BrokenKeys()), harness.Clock);
        var intake = IntakeReader.Parse(AtRest.IntakeJson().Replace("\"de-koofra\"", "null").Replace("\"ro-adpare\"", "null"), "test");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => start.StartAsync("transnational-return", intake, Actor.Operator("test")));

        Assert.Equal("the keys are unavailable", failure.GetBaseException().Message);
        await using var db = harness.Open();
        Assert.Equal((0, 0, 0, 0, 0), (await db.Referrals.CountAsync(), await db.Tasks.CountAsync(), await db.History.CountAsync(),
            await db.PersonRecords.CountAsync(), await db.AuditEntries.CountAsync()));
    }

    private sealed class BrokenKeys : IDataProtectionProvider, IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext) => throw new InvalidOperationException("the keys are unavailable");

        public byte[] Unprotect(byte[] protectedData) => throw new InvalidOperationException("the keys are unavailable");
    }
}
