namespace ReferralFlow.Core;

/// <summary>A problem the user can fix; its message says what to do and holds no personal data.</summary>
public sealed class ReferralFlowException(string message) : Exception(message);
