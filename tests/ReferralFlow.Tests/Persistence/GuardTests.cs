using System.Security.Cryptography;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Tests.Persistence;

public class GuardTests
{
    private static readonly DateTimeOffset At = TestDatabase.Noon;

    [Fact]
    public void Completing_a_task_with_an_undeclared_outcome_lists_the_allowed_ones()
    {
        var task = NewTask();

        var error = Assert.Throws<InvalidOperationException>(() => task.Complete("maybe", At, "caseworker-1"));

        Assert.Contains("'maybe'", error.Message);
        Assert.Contains("'eligible', 'not-eligible'", error.Message);
        Assert.Equal(WorkTaskStatus.Open, task.Status);
    }

    [Fact]
    public void A_completed_task_cannot_be_completed_cancelled_or_expired_again()
    {
        var task = NewTask();
        task.Complete("eligible", At, "caseworker-1");

        Assert.Equal((WorkTaskStatus.Completed, "eligible", At, "caseworker-1"), (task.Status, task.Outcome, task.ClosedAt, task.ClosedBy));
        Assert.Throws<InvalidOperationException>(() => task.Complete("eligible", At, "caseworker-1"));
        Assert.Throws<InvalidOperationException>(() => task.Cancel(At));
        Assert.Contains("already completed", Assert.Throws<InvalidOperationException>(() => task.Expire("no-answer", At)).Message);
    }

    [Fact]
    public void Closing_a_referral_twice_is_refused()
    {
        var referral = TestDatabase.NewReferral(At);
        referral.Close("placed", At.AddDays(1));

        var error = Assert.Throws<InvalidOperationException>(() => referral.Close("placed", At.AddDays(2)));

        Assert.Contains("closed", error.Message);
        Assert.Equal((ReferralStatus.Closed, "placed", At.AddDays(1)), (referral.Status, referral.Outcome, referral.ClosedAt));
        Assert.Throws<InvalidOperationException>(() => referral.Withdraw(At.AddDays(2)));
    }

    [Fact]
    public void A_withdrawn_referral_cannot_be_closed()
    {
        var referral = TestDatabase.NewReferral(At);
        referral.Withdraw(At);

        Assert.Throws<InvalidOperationException>(() => referral.Close("placed", At));
        Assert.Equal(ReferralStatus.Withdrawn, referral.Status);
    }

    [Fact]
    public void A_hand_off_is_answered_once_with_a_declared_outcome_and_a_known_channel()
    {
        var handOff = new HandOff
        {
            Id = Guid.NewGuid(), ReferralId = Guid.NewGuid(), TokenId = Guid.NewGuid(), StepId = "ask-shelter",
            Partner = "receiving", Request = "accept-referral", Title = "Accept?", Outcomes = ["accepted", "declined"],
            CreatedAt = At,
        };

        Assert.Contains("'accepted', 'declined'", Assert.Throws<InvalidOperationException>(
            () => handOff.Answer("perhaps", HandOffStatus.Completed, At, HandOffChannels.Link, null)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => handOff.Answer("declined", HandOffStatus.Rejected, At, "fax", null));

        handOff.Answer("declined", HandOffStatus.Rejected, At, HandOffChannels.Phone, "coordinator");

        Assert.Equal((HandOffStatus.Rejected, "declined", HandOffChannels.Phone), (handOff.Status, handOff.Outcome, handOff.Channel));
        Assert.Throws<InvalidOperationException>(() => handOff.Expire("no-answer", At));
        Assert.Throws<InvalidOperationException>(() => handOff.Cancel(At));
    }

    [Fact]
    public void An_expired_hand_off_is_failed()
    {
        var handOff = new HandOff
        {
            Id = Guid.NewGuid(), ReferralId = Guid.NewGuid(), TokenId = Guid.NewGuid(), StepId = "ask-shelter",
            Partner = "receiving", Request = "accept-referral", Title = "Accept?", Outcomes = ["accepted"], CreatedAt = At,
        };

        handOff.Expire("no-answer", At);

        Assert.Equal((HandOffStatus.Failed, "failed"), (handOff.Status, HandOffStatusCodes.ToCode(handOff.Status)));
    }

    [Fact]
    public void Case_codes_have_the_year_and_five_unambiguous_characters()
    {
        var time = new FixedTime(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(2)));
        using var random = RandomNumberGenerator.Create();

        var codes = Enumerable.Range(0, 500).Select(_ => CaseCode.New(time, random)).ToList();

        Assert.All(codes, code => Assert.Matches("^RF-2026-[2-9A-HJKMNP-Z]{5}$", code));
        Assert.All(codes, code => Assert.True(CaseCode.IsValid(code)));
        Assert.True(codes.Distinct().Count() > 490);
    }

    private static WorkTask NewTask() => new()
    {
        Id = Guid.NewGuid(), ReferralId = Guid.NewGuid(), TokenId = Guid.NewGuid(), StepId = "assess",
        Title = "Assess needs", Role = "caseworker", Outcomes = ["eligible", "not-eligible"], CreatedAt = At,
    };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
