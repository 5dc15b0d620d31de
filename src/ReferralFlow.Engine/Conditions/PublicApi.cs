namespace ReferralFlow.Engine.Conditions;

public enum VariableType { String, Number, Boolean, Date }

public sealed record ConditionCompileResult(Condition? Condition, IReadOnlyList<ConditionError> Errors)
{
    public bool Success => Condition is not null && Errors.Count == 0;
}

public sealed record ConditionError(int Position, string Message);

public sealed class ConditionEvaluationException(string message) : Exception(message);
