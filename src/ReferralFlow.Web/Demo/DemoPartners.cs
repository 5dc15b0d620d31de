using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Web.Demo;

/// <summary>Who works a demo referral: the sending organisation, the corridor, and the demo directory
/// (partners/demo-directory.yaml) organisation that plays each partner role of the procedure. Every key names an
/// active organisation with an authorised contact, so the demo's requests and notices reach someone.</summary>
internal sealed record DemoPartners(string Sending, CorridorInput Corridor, IReadOnlyDictionary<string, string> Roles)
{
    public string Receiving => Roles[PartnerAssignments.ReceivingRole];

    /// <summary>The same partners with another organisation in some roles (another NGO taking the person on).</summary>
    public DemoPartners With(string role, string organisation) =>
        this with { Roles = new Dictionary<string, string>(Roles) { [role] = organisation } };

    /// <summary>Germany to Romania, the corridor the demo directory covers best: a counselling centre refers, ADPARE
    /// takes the person on, the Romanian consulate in Munich issues papers, the BKA investigates and is told of the
    /// departure, ANITP is the Romanian authority for protection at home, DGASPC for a child's family, and OFII (an
    /// immigration office) stands for the authority of a third country.</summary>
    public static readonly DemoPartners GermanyToRomania = new(
        "de-koofra",
        new CorridorInput { Origin = "RO", Transit = ["AT", "HU"], Destination = "DE" },
        new Dictionary<string, string>
        {
            [PartnerAssignments.ReceivingRole] = "ro-adpare",
            ["consulate"] = "de-consulate-romania-munich",
            ["origin-police"] = "ro-anitp",
            ["border-police"] = "de-bka",
            ["investigating-police"] = "de-bka",
            ["child-protection"] = "ro-dgaspc-bucharest",
            ["third-country-authority"] = "fr-ofii",
        });

    /// <summary>A witness back in Romania called to a hearing in Germany: ADPARE reaches the person and sees them
    /// home again, the BKA is the investigating police.</summary>
    public static readonly DemoPartners Witness = new(
        "de-mitternachtsmission",
        new CorridorInput { Origin = "RO", Destination = "DE" },
        new Dictionary<string, string>
        {
            [PartnerAssignments.ReceivingRole] = "ro-adpare",
            ["investigating-police"] = "de-bka",
        });
}
