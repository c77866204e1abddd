using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ArchPlan.Tests.Support;

/// <summary>
/// The order CloudFormation must create a template's resources in: an edge for every Ref, Fn::GetAtt, Fn::Sub
/// reference and DependsOn. <c>cdk synth</c> does not look for circles; CloudFormation refuses a template with one
/// ("Circular dependency between resources"), so tests look here.
/// </summary>
public static partial class TemplateDependencies
{
    /// <summary>Each resource's logical id and the resources it needs first.</summary>
    public static Dictionary<string, SortedSet<string>> Of(JsonObject template)
    {
        var resources = template["Resources"]!.AsObject();
        var graph = resources.ToDictionary(r => r.Key, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (id, node) in resources)
        {
            var resource = node!.AsObject();
            var needs = graph[id];
            Collect(resource["Properties"], needs);
            switch (resource["DependsOn"])
            {
                case JsonValue one:
                    needs.Add(one.GetValue<string>());
                    break;
                case JsonArray many:
                    foreach (var item in many)
                    {
                        needs.Add(item!.GetValue<string>());
                    }
                    break;
            }
            needs.IntersectWith(graph.Keys);
        }
        return graph;
    }

    /// <summary>A circle of logical ids (first = last), or null when the template has none.</summary>
    public static IReadOnlyList<string>? Cycle(JsonObject template)
    {
        var graph = Of(template);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys)
        {
            if (Visit(start) is { } found)
            {
                return found;
            }
        }
        return null;

        List<string>? Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2)
            {
                return null;
            }
            if (state.GetValueOrDefault(id) == 1)
            {
                return [.. path[path.IndexOf(id)..], id];
            }
            state[id] = 1;
            path.Add(id);
            foreach (var next in graph[id])
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return null;
        }
    }

    private static void Collect(JsonNode? node, ISet<string> needs)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    switch (key)
                    {
                        case "Ref" when value is JsonValue name:
                            needs.Add(name.GetValue<string>());
                            break;
                        case "Fn::GetAtt" when value is JsonArray pair && pair.Count > 0 && pair[0] is JsonValue first:
                            needs.Add(first.GetValue<string>());
                            break;
                        case "Fn::GetAtt" when value is JsonValue dotted:
                            needs.Add(dotted.GetValue<string>().Split('.')[0]);
                            break;
                        case "Fn::Sub":
                            var text = value is JsonArray withVariables ? withVariables[0] : value;
                            if (text is JsonValue sub)
                            {
                                foreach (Match match in SubReference().Matches(sub.GetValue<string>()))
                                {
                                    needs.Add(match.Groups[1].Value);
                                }
                            }
                            if (value is JsonArray { Count: > 1 } array)
                            {
                                Collect(array[1], needs);
                            }
                            continue;
                    }
                    Collect(value, needs);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, needs);
                }
                break;
        }
    }

    [GeneratedRegex(@"\$\{(?!!)([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubReference();
}
