using ReferralFlow.Core.Replies;

namespace ReferralFlow.Tests.Replies;

public class ReplyFormTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 14, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("declined", "refusal", "reason")]
    [InlineData("refused", "refusal", "reason")]
    [InlineData("needs-information", "question", "question")]
    [InlineData("accepted", "acceptance", "contactPerson")]
    [InlineData("issued", "completion", "completedAt")]
    [InlineData("arrived-safely", "arrival", "arrivedAt,place,handedOverTo")]
    [InlineData("received", "monitoring-report", "reportDate,wellbeing,servicesReceived")]
    [InlineData("risk-flagged", "monitoring-report", "reportDate,wellbeing,servicesReceived,riskDetails")]
    [InlineData("safe", "comment", "")]
    public void Each_answer_gets_its_form_with_its_required_fields(string outcome, string kind, string required)
    {
        var form = ReplyForms.For(outcome);

        Assert.Equal(kind, form.Kind);
        Assert.Equal(required, string.Join(",", form.Fields.Where(f => f.Required).Select(f => f.Name)));
        var errors = ReplyFormCheck.Check(outcome, new Dictionary<string, string?>(), Now).Errors;
        Assert.Equal(required, string.Join(",", errors.Keys));
    }

    [Fact]
    public void An_arrival_is_stored_in_utc_with_its_place()
    {
        var result = ReplyFormCheck.Check("arrived-safely", Values(("arrivedAt", "2027-01-14T06:40"), ("place", "Otopeni airport"), ("handedOverTo", "ADPARE shelter staff")), Now);

        Assert.True(result.IsValid);
        Assert.Equal("""{"arrivedAt":"2027-01-14T06:40Z","place":"Otopeni airport","handedOverTo":"ADPARE shelter staff"}""", result.Answer.ToJsonString());
    }

    [Theory]
    [InlineData("14/01/2027 06:40", "write it as YYYY-MM-DD HH:MM")]
    [InlineData("2027-01-16T06:40", "it lies in the future")]
    public void A_wrong_or_future_time_is_explained(string given, string message)
    {
        var result = ReplyFormCheck.Check("issued", Values(("completedAt", given)), Now);

        Assert.Contains(message, result.Errors["completedAt"]);
    }

    [Fact]
    public void A_monitoring_report_checks_its_fields_and_keeps_a_risk_under_the_risk_answer()
    {
        var report = Values(("reportDate", "2027-01-10"), ("wellbeing", "some-concerns"), ("servicesReceived", "Counselling"));

        Assert.Equal("""{"reportDate":"2027-01-10","wellbeing":"some-concerns","servicesReceived":"Counselling","riskFlag":false}""",
            ReplyFormCheck.Check("received", report, Now).Answer.ToJsonString());
        var flagged = ReplyFormCheck.Check("received", new Dictionary<string, string?>(report) { ["riskFlag"] = "true" }, Now);
        Assert.Contains("\"risk flagged\" answer", flagged.Errors["riskFlag"]);
        var unknown = ReplyFormCheck.Check("received", new Dictionary<string, string?>(report) { ["wellbeing"] = "fine" }, Now);
        Assert.Contains("choose one of", unknown.Errors["wellbeing"]);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        var result = ReplyFormCheck.Check("accepted", Values(("contactPerson", new string('x', ReplyFormCheck.MaxText + 1))), Now);

        Assert.Contains("keep it under 200 characters", result.Errors["contactPerson"]);
    }

    private static Dictionary<string, string?> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => (string?)v.Value);
}
