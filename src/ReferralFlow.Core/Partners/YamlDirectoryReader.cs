using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReferralFlow.Core.Partners;

/// <summary>Reads a YAML directory file into <see cref="DirectoryNode"/>s with YamlDotNet's representation model,
/// which keeps each node's line. A syntax error stops the reading: it is the one problem reported.</summary>
internal static class YamlDirectoryReader
{
    public static DirectoryNode? Read(string text, DirectoryProblems problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Error((int)e.Start.Line, "$", $"not valid YAML: {Inner(e).Message.TrimEnd('.')}; fix the syntax");
            return null;
        }
        switch (stream.Documents.Count)
        {
            case 0:
                problems.Error(1, "$", "the file is empty: start it with 'organisations:' and a list of organisations");
                return null;
            case > 1:
                problems.Error((int)stream.Documents[1].RootNode.Start.Line, "$", "the file holds several YAML documents ('---'): keep one");
                return null;
        }
        return Convert(stream.Documents[0].RootNode);
    }

    private static DirectoryNode Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new MapNode(LineOf(map), [.. map.Children.Select(pair => new MapEntry(
            pair.Key is YamlScalarNode key ? key.Value ?? "" : pair.Key.ToString(), LineOf(pair.Key), Convert(pair.Value)))]),
        YamlSequenceNode list => new ListNode(LineOf(list), [.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => new ScalarNode(LineOf(node), node.ToString(), ScalarKind.Text),
    };

    private static ScalarNode Scalar(YamlScalarNode scalar)
    {
        var line = LineOf(scalar);
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return new ScalarNode(line, scalar.Value, ScalarKind.Text);
        // YAML 1.2 core schema words for null and booleans; everything else unquoted is plain text.
        return scalar.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => new ScalarNode(line, null, ScalarKind.Null),
            "true" or "True" or "TRUE" => new ScalarNode(line, "true", ScalarKind.Boolean),
            "false" or "False" or "FALSE" => new ScalarNode(line, "false", ScalarKind.Boolean),
            var text => new ScalarNode(line, text, ScalarKind.Plain),
        };
    }

    private static int LineOf(YamlNode node) => (int)node.Start.Line;

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? Inner(inner) : e;
}
