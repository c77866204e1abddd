using System.Text.Json;
using ArchPlan.Diagnostics;

namespace ArchPlan.Infrastructure;

/// <summary>Reads existing infrastructure (a template, a cdk.out folder or a C# CDK app's source) into an <see cref="InfraModel"/>.</summary>
public static class InfrastructureReader
{
    /// <summary>Templates larger than this are refused rather than parsed (CDK stacks stay far below CloudFormation's 1 MB limit).</summary>
    public const long MaxTemplateBytes = 20 * 1024 * 1024;

    /// <summary>Reads <paramref name="path"/>; <paramref name="stackName"/> picks one stack of a cdk.out folder (artifact id or stack name).</summary>
    public static StageResult<InfraModel> Read(string path, string? stackName = null)
    {
        var diagnostics = new DiagnosticBag();
        var model = ReadCore(path, stackName, diagnostics);
        return new StageResult<InfraModel>(diagnostics.HasErrors ? null : model, diagnostics.ToImmutableSorted());
    }

    private static InfraModel? ReadCore(string path, string? stackName, DiagnosticBag diagnostics)
    {
        if (File.Exists(path))
        {
            if (stackName is not null)
            {
                diagnostics.Add(DiagnosticCatalog.InfraStackOption, SourceLocation.OfFile(path), stackName, path);
            }
            return ReadTemplateFile(path, diagnostics);
        }
        if (!Directory.Exists(path))
        {
            diagnostics.Add(DiagnosticCatalog.InfraPathNotFound, SourceLocation.OfFile(path), path);
            return null;
        }
        if (File.Exists(Path.Combine(path, "manifest.json")))
        {
            return CloudAssemblyReader.Read(path, stackName, diagnostics);
        }
        if (CdkSourceReader.HasSource(path))
        {
            return CdkSourceReader.Read(path, diagnostics);
        }
        if (File.Exists(Path.Combine(path, "cdk.out", "manifest.json")))
        {
            return CloudAssemblyReader.Read(Path.Combine(path, "cdk.out"), stackName, diagnostics);
        }
        diagnostics.Add(DiagnosticCatalog.InfraNoSource, SourceLocation.OfFile(path), path);
        return null;
    }

    private static InfraModel? ReadTemplateFile(string path, DiagnosticBag diagnostics)
    {
        var builder = new InfraModelBuilder();
        var kind = ReadTemplate(path, null, builder, diagnostics);
        if (kind is null)
        {
            return null;
        }
        builder.Stacks.Add(Path.GetFileNameWithoutExtension(path));
        return builder.Build(path, kind.Value);
    }

    /// <summary>Parses and analyses one template into <paramref name="builder"/>; null when it cannot be read.</summary>
    internal static InfraSourceKind? ReadTemplate(string path, string? stack, InfraModelBuilder builder, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxTemplateBytes)
            {
                diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(path), $"the file is larger than {MaxTemplateBytes / (1024 * 1024)} MB");
                return null;
            }
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(path), ex.Message);
            return null;
        }

        var isJson = TemplateParser.LooksLikeJson(text);
        var root = isJson ? TemplateParser.ParseJson(text, path, diagnostics) : TemplateParser.ParseYaml(text, path, diagnostics);
        if (root is null || !TemplateAnalyzer.Analyze(root, path, stack, builder, diagnostics))
        {
            return null;
        }
        return isJson ? InfraSourceKind.TemplateJson : InfraSourceKind.TemplateYaml;
    }
}

/// <summary>Reads a <c>cdk.out</c> folder: the manifest's <c>aws:cloudformation:stack</c> artifacts and their templates.</summary>
internal static class CloudAssemblyReader
{
    private sealed record StackArtifact(string ArtifactId, string? StackName, string? DisplayName, string TemplatePath);

    public static InfraModel? Read(string folder, string? stackName, DiagnosticBag diagnostics)
    {
        var stacks = new List<StackArtifact>();
        if (!CollectStacks(folder, stacks, diagnostics, 0))
        {
            return null;
        }
        if (stacks.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.InfraNoStacks, SourceLocation.OfFile(folder), folder);
            return null;
        }

        var selected = stacks;
        if (stackName is not null)
        {
            selected = stacks.Where(s => Names(s).Any(n => string.Equals(n, stackName, StringComparison.Ordinal))).ToList();
            if (selected.Count == 0)
            {
                selected = stacks.Where(s => Names(s).Any(n => string.Equals(n, stackName, StringComparison.OrdinalIgnoreCase))).ToList();
            }
            if (selected.Count == 0)
            {
                var available = string.Join(", ", stacks.Select(s => s.StackName is not null && s.StackName != s.ArtifactId ? $"{s.ArtifactId} ({s.StackName})" : s.ArtifactId));
                diagnostics.Add(DiagnosticCatalog.InfraStackNotFound, SourceLocation.OfFile(Path.Combine(folder, "manifest.json")), stackName, folder, available);
                return null;
            }
        }

        var builder = new InfraModelBuilder();
        foreach (var stack in selected)
        {
            // With one stack the logical ids alone are clear; with several, findings name the stack too.
            var label = selected.Count > 1 ? stack.StackName ?? stack.ArtifactId : null;
            if (InfrastructureReader.ReadTemplate(stack.TemplatePath, label, builder, diagnostics) is null)
            {
                return null;
            }
            builder.Stacks.Add(stack.ArtifactId);
        }
        return builder.Build(folder, InfraSourceKind.CloudAssembly);
    }

    private static IEnumerable<string> Names(StackArtifact s) =>
        new[] { s.ArtifactId, s.StackName, s.DisplayName }.OfType<string>();

    private static bool CollectStacks(string folder, List<StackArtifact> stacks, DiagnosticBag diagnostics, int depth)
    {
        var manifestPath = Path.Combine(folder, "manifest.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifestPath), new JsonDocumentOptions { AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Object)
            {
                return true;
            }
            foreach (var artifact in artifacts.EnumerateObject())
            {
                var type = artifact.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                var properties = artifact.Value.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                string? Property(string name) =>
                    properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

                if (type == "aws:cloudformation:stack" && Property("templateFile") is { } templateFile)
                {
                    var displayName = artifact.Value.TryGetProperty("displayName", out var d) ? d.GetString() : null;
                    stacks.Add(new StackArtifact(artifact.Name, Property("stackName"), displayName, Path.Combine(folder, templateFile)));
                }
                else if (type == "cdk:cloud-assembly" && Property("directoryName") is { } nested && depth < 5)
                {
                    // Stages put their stacks in nested assemblies (assembly-<Stage>/manifest.json).
                    if (!CollectStacks(Path.Combine(folder, nested), stacks, diagnostics, depth + 1))
                    {
                        return false;
                    }
                }
            }
            return true;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Add(DiagnosticCatalog.InfraManifestUnreadable, SourceLocation.OfFile(manifestPath), manifestPath, ex.Message.ReplaceLineEndings(" "));
            return false;
        }
    }
}
