namespace ReferralFlow.Core.Consent;

/// <summary>An answer to a request the consent gate holds: the partner was never asked, so nothing is recorded.</summary>
public sealed class ConsentNeededException() : ReferralFlowException(
    "Consent is needed first: this request is held by the consent gate and has not reached the partner. Record the " +
    "person's consent for this organisation and purpose ('referralflow consent record'), and the request goes out.");
