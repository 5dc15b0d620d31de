namespace ReferralFlow.Core;

/// <summary>A problem the user can fix; its message says what to do and holds no personal data.</summary>
public class ReferralFlowException(string message) : Exception(message);
