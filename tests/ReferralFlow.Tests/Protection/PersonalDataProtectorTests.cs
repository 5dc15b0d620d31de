using ReferralFlow.Core;
using ReferralFlow.Core.Protection;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Protection;

public sealed class PersonalDataProtectorTests
{
    private const string Name = "Zlatomira Quenbrook";

    [Fact]
    public void A_second_protector_on_the_same_keys_folder_reads_what_the_first_wrote()
    {
        using var folder = new TempDirectory();
        var written = PersonalDataProtector.ForKeys(folder.Combine("keys")).Protect(Name);

        Assert.DoesNotContain("Zlatomira", written, StringComparison.Ordinal);
        Assert.Equal(Name, PersonalDataProtector.ForKeys(folder.Combine("keys")).Unprotect(written));
        Assert.NotEmpty(Directory.GetFiles(folder.Combine("keys"), "*.xml"));
    }

    [Fact]
    public void Other_keys_or_an_altered_text_fail_without_revealing_the_data()
    {
        using var folder = new TempDirectory();
        var written = PersonalDataProtector.ForKeys(folder.Combine("a")).Protect(Name);
        var altered = written[..^2] + (written[^2] == 'A' ? "B" : "A") + written[^1];

        var otherKeys = Assert.Throws<ReferralFlowException>(() => PersonalDataProtector.ForKeys(folder.Combine("b")).Unprotect(written));
        var tampered = Assert.Throws<ReferralFlowException>(() => PersonalDataProtector.ForKeys(folder.Combine("a")).Unprotect(altered));

        Assert.Contains(DataFolder.KeysVariable, otherKeys.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zlatomira", tampered.Message, StringComparison.Ordinal);
    }
}
