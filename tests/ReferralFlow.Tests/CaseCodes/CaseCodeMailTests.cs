using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Replies;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.CaseCodes;

/// <summary>The partner receives a sub-procedure's request under the case code it already knows, through the real SMTP
/// server ./test.sh starts; a suffix appears only on a request from a procedure running alongside another.</summary>
public class CaseCodeMailTests
{
    [Fact]
    public async Task A_partner_receives_a_sub_procedures_request_under_the_code_it_knows_and_a_parallel_one_with_its_suffix()
    {
        using var folder = CaseProcedures.Folder();
        await using var h = await RuntimeHarness.CreateAsync("sqlite", "case_code_mail", folder.Path);
        var waiting = await CaseCodeTests.StartAsync(h, "waits");
        var alongside = await CaseCodeTests.StartAsync(h, "alongside");
        var sequentialChild = await CaseCodeTests.ChildAsync(h, waiting.Id);
        var parallelChild = await CaseCodeTests.ChildAsync(h, alongside.Id);

        var delivery = new OutboxDelivery(h.Open, new FakeAddressBook(), MailHarness.RealServer(), MailHarness.Templates,
            new TokenReplyLinks(new ReplyLinks(new Uri("https://referrals.example.org/"), h.Library, h.Clock)),
            h.Library, new MailSettings
            {
                PickupDirectory = folder.Combine("mail"),
                From = new System.Net.Mail.MailAddress("ReferralFlow <no-reply@referralflow.example.org>"),
                PublicUrl = new Uri("https://referrals.example.org/"),
                TemplatesDirectory = MailHarness.RepositoryTemplates,
            }, h.Clock);
        await delivery.DeliverDueAsync();

        List<OutboxMessage> requests;
        await using (var db = h.Open())
            requests = await db.OutboxMessages.AsNoTracking()
                .Where(m => (m.ReferralId == sequentialChild.Id || m.ReferralId == parallelChild.Id) && m.Kind == OutboxKinds.Request).ToListAsync();
        Assert.All(requests, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        var mails = MailHarness.Delivered(requests.Select(r => r.Id)).ToDictionary(m => m.MessageId!);
        var sequential = mails[MessageIds.For(requests.Single(r => r.ReferralId == sequentialChild.Id).Id)];
        var parallel = mails[MessageIds.For(requests.Single(r => r.ReferralId == parallelChild.Id).Id)];

        Assert.StartsWith($"{waiting.CaseCode} : ", sequential.Subject);
        Assert.Contains($"sous le code de dossier {waiting.CaseCode}.", sequential.Text.ReplaceLineEndings(" "));
        Assert.DoesNotContain($"{waiting.CaseCode}/", sequential.Raw);
        Assert.StartsWith($"{alongside.CaseCode}/2 : ", parallel.Subject);
        Assert.Contains($"sous le code de dossier {alongside.CaseCode}/2", parallel.Text.ReplaceLineEndings(" "));
    }
}
