namespace ReferralFlow.Engine.Conditions;

internal static class TypeNames
{
    public static string Name(this VariableType type) => type switch
    {
        VariableType.String => "string",
        VariableType.Number => "number",
        VariableType.Boolean => "true/false",
        _ => "date",
    };

    public static string WithArticle(this VariableType type) => type switch
    {
        VariableType.String => "a string",
        VariableType.Number => "a number",
        VariableType.Boolean => "true/false",
        _ => "a date",
    };

    public static string ExampleLiteral(this VariableType type) => type switch
    {
        VariableType.String => "'value'",
        VariableType.Number => "3",
        VariableType.Boolean => "true",
        _ => "date'2026-01-31'",
    };
}
