namespace ReferralFlow.Engine.Definitions;

/// <summary>One thing wrong with a procedure file: where it is and what to do about it.</summary>
public sealed record DefinitionProblem(string File, string? StepId, string JsonPath, string Message)
{
    public override string ToString() => StepId is null
        ? $"{File}: at {JsonPath}: {Message}"
        : $"{File}: step '{StepId}' at {JsonPath}: {Message}";
}

public sealed record DefinitionLoadResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}

public sealed record DefinitionCatalogLoad(DefinitionCatalog Catalog, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Collects the problems of one file, so parsing can go on after the first one.</summary>
internal sealed class Problems(string file)
{
    private readonly List<DefinitionProblem> _list = [];

    public string File => file;
    public IReadOnlyList<DefinitionProblem> List => _list;
    public int Count => _list.Count;

    public void Add(string? stepId, string path, string message) => _list.Add(new(file, stepId, path, message));
}
