using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchPlan.Tests.Diffing;

/// <summary>Edits a JSON template the way a person (or a drifting deployment) would, for diff tests.</summary>
internal sealed class TemplateMutation(JsonObject root)
{
    public static TemplateMutation Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public JsonObject Resources => root["Resources"]!.AsObject();

    public JsonObject Properties(string logicalId) => Resources[logicalId]!["Properties"]!.AsObject();

    public JsonObject LambdaVariables(string logicalId) => Properties(logicalId)["Environment"]!["Variables"]!.AsObject();

    public JsonObject Container(string taskDefinition, string name) =>
        Properties(taskDefinition)["ContainerDefinitions"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["Name"] == name);

    public JsonArray ContainerList(string taskDefinition, string container, string list) => Container(taskDefinition, container)[list]!.AsArray();

    public void RemoveContainerItem(string taskDefinition, string container, string list, string name)
    {
        var items = ContainerList(taskDefinition, container, list);
        items.Remove(items.Single(i => (string?)i!["Name"] == name));
    }

    /// <summary>Replaces every occurrence of <paramref name="from"/> in string values (e.g. a secret name inside joined ARNs).</summary>
    public void ReplaceInStrings(string from, string to) => Replace(root, from, to);

    private static void Replace(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = text.Replace(from, to, StringComparison.Ordinal);
                    }
                    else
                    {
                        Replace(obj[key], from, to);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = text.Replace(from, to, StringComparison.Ordinal);
                    }
                    else
                    {
                        Replace(array[i], from, to);
                    }
                }
                break;
            default:
                break;
        }
    }

    public string Save(string path)
    {
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
