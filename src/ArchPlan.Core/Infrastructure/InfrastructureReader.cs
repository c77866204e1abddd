using System.Text.Json;
using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Infrastructure;

/// <summary>What to read when a folder holds more than one kind of infrastructure.</summary>
public enum InfraReadMode
{
    /// <summary>Decide from the folder: a cloud assembly (<c>cdk.out</c>) first, then C# source, then template files.</summary>
    Auto,

    /// <summary>The cloud assembly: the folder's <c>manifest.json</c>, or its <c>cdk.out</c> folder.</summary>
    CdkOut,

    /// <summary>The C# CDK app's source files.</summary>
    Source,

    /// <summary>The template file, or the template files (<c>*.template.json</c>, <c>template.yaml</c>, ...) of a folder.</summary>
    Template,
}

/// <summary>Reads existing infrastructure (a template, a cdk.out folder or a C# CDK app's source) into an <see cref="InfraModel"/>.</summary>
public static class InfrastructureReader
{
    /// <summary>Templates larger than this are refused rather than parsed (CDK stacks stay far below CloudFormation's 1 MB limit).</summary>
    public const long MaxTemplateBytes = 20 * 1024 * 1024;

    // Files next to templates that are not templates (CDK's own, npm's, editors').
    private static readonly HashSet<string> NotTemplates = new(StringComparer.OrdinalIgnoreCase)
    {
        "manifest.json", "tree.json", "cdk.json", "cdk.context.json", "package.json", "package-lock.json", "tsconfig.json",
        "cdk.out", "drift.json", "expected.json", ".markdownlint.json",
    };

    /// <summary>Reads <paramref name="path"/>; <paramref name="stackName"/> picks one stack of a cdk.out folder (artifact id or stack name).</summary>
    public static StageResult<InfraModel> Read(string path, string? stackName = null) => Read(path, stackName, InfraReadMode.Auto);

    /// <summary>Reads <paramref name="path"/> as <paramref name="mode"/> says; <paramref name="stackName"/> picks one stack.</summary>
    public static StageResult<InfraModel> Read(string path, string? stackName, InfraReadMode mode)
    {
        var diagnostics = new DiagnosticBag();
        var model = ReadCore(path, stackName, mode, diagnostics);
        return new StageResult<InfraModel>(diagnostics.HasErrors ? null : model, diagnostics.ToImmutableSorted());
    }

    /// <summary>The name <c>--read</c> takes for a mode.</summary>
    public static string ModeName(InfraReadMode mode) => mode switch
    {
        InfraReadMode.CdkOut => "cdk-out",
        InfraReadMode.Source => "source",
        InfraReadMode.Template => "template",
        _ => "auto",
    };

    private static InfraModel? ReadCore(string path, string? stackName, InfraReadMode mode, DiagnosticBag diagnostics)
    {
        if (File.Exists(path))
        {
            if (mode is InfraReadMode.CdkOut or InfraReadMode.Source)
            {
                diagnostics.Add(DiagnosticCatalog.InfraReadModeIgnored, SourceLocation.OfFile(path), ModeName(mode), path);
            }
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

        var assembly = File.Exists(Path.Combine(path, "manifest.json")) ? path
            : File.Exists(Path.Combine(path, "cdk.out", "manifest.json")) ? Path.Combine(path, "cdk.out")
            : null;
        var hasSource = CdkSourceReader.HasSource(path);
        switch (mode)
        {
            case InfraReadMode.CdkOut:
                if (assembly is null)
                {
                    diagnostics.Add(DiagnosticCatalog.InfraReadModeNotFound, SourceLocation.OfFile(path), ModeName(mode), path, "no manifest.json and no cdk.out/manifest.json");
                    return null;
                }
                return CloudAssemblyReader.Read(path, assembly, stackName, diagnostics);
            case InfraReadMode.Source:
                if (!hasSource)
                {
                    diagnostics.Add(DiagnosticCatalog.InfraReadModeNotFound, SourceLocation.OfFile(path), ModeName(mode), path, "no .cs files");
                    return null;
                }
                return CdkSourceReader.Read(path, diagnostics);
            case InfraReadMode.Template:
                return ReadTemplateFolder(path, stackName, explicitly: true, diagnostics);
            default:
                break;
        }

        if (assembly is not null)
        {
            // A synthesized assembly says what CDK made of the source; it is preferred, and the choice is said out loud.
            if (hasSource)
            {
                diagnostics.Add(DiagnosticCatalog.InfraReadChoice, SourceLocation.OfFile(path), assembly, path);
            }
            return CloudAssemblyReader.Read(path, assembly, stackName, diagnostics);
        }
        if (hasSource)
        {
            return CdkSourceReader.Read(path, diagnostics);
        }
        if (TemplateFiles(path, explicitly: false).Count > 0)
        {
            return ReadTemplateFolder(path, stackName, explicitly: false, diagnostics);
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
        builder.AddStack(new InfraStack { Id = StackIdOfFile(path), TemplatePath = path });
        return builder.Build(path, kind.Value);
    }

    /// <summary>
    /// The template files of a folder: <c>*.template.json</c>, <c>template.yaml</c> and the like; asked for explicitly,
    /// any JSON or YAML file that is not CDK's, npm's or ArchPlan's own.
    /// </summary>
    internal static List<string> TemplateFiles(string folder, bool explicitly)
    {
        static bool Named(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower is "template.json" or "template.yaml" or "template.yml"
                || lower.EndsWith(".template.json", StringComparison.Ordinal) || lower.EndsWith(".template.yaml", StringComparison.Ordinal)
                || lower.EndsWith(".template.yml", StringComparison.Ordinal) || lower.EndsWith(".template", StringComparison.Ordinal);
        }
        static bool Data(string name) =>
            !NotTemplates.Contains(name) && !name.EndsWith(".assets.json", StringComparison.OrdinalIgnoreCase)
            && Path.GetExtension(name).ToLowerInvariant() is ".json" or ".yaml" or ".yml";

        var files = Directory.EnumerateFiles(folder).Select(f => (Path: f, Name: Path.GetFileName(f))).ToList();
        var named = files.Where(f => Named(f.Name)).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        return named.Count > 0 || !explicitly ? named : [.. files.Where(f => Data(f.Name)).Select(f => f.Path).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads the template files of a folder, each one a stack named by its file name.</summary>
    private static InfraModel? ReadTemplateFolder(string folder, string? stackName, bool explicitly, DiagnosticBag diagnostics)
    {
        var files = TemplateFiles(folder, explicitly);
        if (files.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.InfraReadModeNotFound, SourceLocation.OfFile(folder), ModeName(InfraReadMode.Template), folder, "no template files (*.template.json, template.yaml, ...)");
            return null;
        }
        var stacks = files.Select(f => (File: f, Id: StackIdOfFile(f))).ToList();
        if (stackName is not null)
        {
            var chosen = stacks.Where(s => string.Equals(s.Id, stackName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (chosen.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.InfraStackNotFound, SourceLocation.OfFile(folder), stackName, folder, string.Join(", ", stacks.Select(s => s.Id)));
                return null;
            }
            stacks = chosen;
        }

        var builder = new InfraModelBuilder();
        InfraSourceKind? kind = null;
        foreach (var (file, id) in stacks)
        {
            var label = stacks.Count > 1 ? id : null;
            var read = ReadTemplate(file, label, builder, diagnostics);
            if (read is null)
            {
                return null;
            }
            kind ??= read;
            builder.AddStack(new InfraStack { Id = id, Label = label, TemplatePath = file });
        }
        return builder.Build(folder, kind ?? InfraSourceKind.TemplateJson);
    }

    /// <summary><c>OrdersStack-prod.template.json</c> → <c>OrdersStack-prod</c>.</summary>
    private static string StackIdOfFile(string file)
    {
        var name = Path.GetFileName(file);
        foreach (var suffix in new[] { ".template.json", ".template.yaml", ".template.yml", ".template", ".json", ".yaml", ".yml" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    /// <summary>Parses and analyses one template into <paramref name="builder"/>; null when it cannot be read.</summary>
    /// <remarks><paramref name="paths"/> gives construct paths by logical id (from a manifest's metadata) for templates synthesized without them.</remarks>
    internal static InfraSourceKind? ReadTemplate(string path, string? stack, InfraModelBuilder builder, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string>? paths = null)
    {
        if (ReadInput(path, MaxTemplateBytes, "a template", diagnostics) is not { } bytes)
        {
            return null;
        }
        if (!HasByteOrderMark(bytes) && InputFile.WideEncoding(bytes) is { } encoding)
        {
            // With a byte order mark UTF-16 is read as JSON and YAML tools read it; without one it is only NUL-riddled bytes.
            diagnostics.Add(DiagnosticCatalog.WrongTextEncoding, SourceLocation.OfFile(path), encoding);
            return null;
        }
        var text = InputFile.DecodeText(bytes);

        var isJson = TemplateParser.LooksLikeJson(text);
        var root = isJson ? TemplateParser.ParseJson(text, path, diagnostics) : TemplateParser.ParseYaml(text, path, diagnostics);
        if (root is null || !TemplateAnalyzer.Analyze(root, path, stack, builder, diagnostics, paths))
        {
            return null;
        }
        return isJson ? InfraSourceKind.TemplateJson : InfraSourceKind.TemplateYaml;
    }
    private static bool HasByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>The bytes of an input file read within <paramref name="cap"/>, or null with a diagnostic naming the file.</summary>
    internal static byte[]? ReadInput(string path, long cap, string what, DiagnosticBag diagnostics)
    {
        var file = InputFile.Read(path, cap);
        switch (file.Outcome)
        {
            case InputFileOutcome.Read:
                return file.Bytes;
            case InputFileOutcome.NotRegular:
                diagnostics.Add(DiagnosticCatalog.NotRegularFile, SourceLocation.OfFile(path), path, file.Detail);
                return null;
            case InputFileOutcome.TooLarge:
                diagnostics.Add(DiagnosticCatalog.InputTooLarge, SourceLocation.OfFile(path), path, cap, what);
                return null;
            case InputFileOutcome.NotFound:
            case InputFileOutcome.Folder:
                diagnostics.Add(DiagnosticCatalog.InfraPathNotFound, SourceLocation.OfFile(path), path);
                return null;
            default:
                diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(path), file.Detail);
                return null;
        }
    }
}

/// <summary>Reads a <c>cdk.out</c> folder: the manifest's <c>aws:cloudformation:stack</c> artifacts and their templates.</summary>
internal static class CloudAssemblyReader
{
    private sealed record StackArtifact(
        string ArtifactId, string? StackName, string? DisplayName, string TemplatePath, List<StackTag> Tags, Dictionary<string, string> Paths);

    /// <summary>Reads the assembly in <paramref name="folder"/>; <paramref name="given"/> is the path the user gave (the folder or the app holding it).</summary>
    public static InfraModel? Read(string given, string folder, string? stackName, DiagnosticBag diagnostics)
    {
        var stacks = new List<StackArtifact>();
        string root;
        try
        {
            root = RealPaths.Resolve(folder);
        }
        catch (IOException ex)
        {
            diagnostics.Add(DiagnosticCatalog.InfraManifestUnreadable, SourceLocation.OfFile(folder), folder, ex.Message);
            return null;
        }
        if (!CollectStacks(new Assembly(folder, root), folder, stacks, diagnostics, 0))
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
            if (InfrastructureReader.ReadTemplate(stack.TemplatePath, label, builder, diagnostics, stack.Paths) is null)
            {
                return null;
            }
            builder.AddStack(new InfraStack
            {
                Id = stack.ArtifactId,
                Label = label,
                StackName = stack.StackName,
                DisplayName = stack.DisplayName,
                Tags = stack.Tags.ToEquatableArray(),
                TemplatePath = stack.TemplatePath,
            });
        }
        return builder.Build(given, InfraSourceKind.CloudAssembly, folder);
    }

    private static IEnumerable<string> Names(StackArtifact s) =>
        new[] { s.ArtifactId, s.StackName, s.DisplayName }.OfType<string>();

    /// <summary>The assembly folder as given and as it really is (links resolved): nothing outside it is read.</summary>
    private sealed record Assembly(string Given, string Real);

    /// <summary>Manifests larger than this are refused (CDK writes a few kilobytes per stack).</summary>
    private const long MaxManifestBytes = InfrastructureReader.MaxTemplateBytes;

    /// <summary>
    /// True when <paramref name="relative"/>, a path the manifest gives, stays inside the assembly: not absolute, and
    /// not leaving it through <c>..</c> or a symbolic link. Otherwise says so (AP9013) naming the manifest.
    /// </summary>
    private static bool Inside(Assembly assembly, string manifestPath, string field, string relative, string path, DiagnosticBag diagnostics)
    {
        bool inside;
        try
        {
            inside = relative.Length > 0 && !Path.IsPathRooted(relative) && !relative.Contains('\0', StringComparison.Ordinal)
                && RealPaths.StaysInside(path, assembly.Real);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            inside = false;
        }
        if (!inside)
        {
            diagnostics.Add(DiagnosticCatalog.AssemblyPathEscapes, SourceLocation.OfFile(manifestPath), field, relative, assembly.Given);
        }
        return inside;
    }

    private static bool CollectStacks(Assembly assembly, string folder, List<StackArtifact> stacks, DiagnosticBag diagnostics, int depth)
    {
        var manifestPath = Path.Combine(folder, "manifest.json");
        if (!Inside(assembly, manifestPath, "manifest", Path.GetRelativePath(assembly.Given, manifestPath), manifestPath, diagnostics)
            || InfrastructureReader.ReadInput(manifestPath, MaxManifestBytes, "a cloud assembly manifest", diagnostics) is not { } bytes)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(InputFile.DecodeText(bytes), new JsonDocumentOptions { AllowTrailingCommas = true });
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
                    if (!Inside(assembly, manifestPath, "templateFile", templateFile, Path.Combine(folder, templateFile), diagnostics))
                    {
                        return false;
                    }
                    var displayName = artifact.Value.TryGetProperty("displayName", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                    var (tags, paths) = ReadMetadata(artifact.Value, properties);
                    stacks.Add(new StackArtifact(artifact.Name, Property("stackName"), displayName, Path.Combine(folder, templateFile), tags, paths));
                }
                else if (type == "cdk:cloud-assembly" && Property("directoryName") is { } nested && depth < 5)
                {
                    // Stages put their stacks in nested assemblies (assembly-<Stage>/manifest.json).
                    if (!Inside(assembly, manifestPath, "directoryName", nested, Path.Combine(folder, nested), diagnostics)
                        || !CollectStacks(assembly, Path.Combine(folder, nested), stacks, diagnostics, depth + 1))
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

    /// <summary>
    /// The stack's tags (<c>properties.tags</c>, or the <c>aws:cdk:stack-tags</c> metadata) and the construct path of each
    /// logical id (<c>aws:cdk:logicalId</c> metadata), which templates synthesized without path metadata lack.
    /// </summary>
    private static (List<StackTag> Tags, Dictionary<string, string> Paths) ReadMetadata(JsonElement artifact, JsonElement properties)
    {
        var tags = new List<StackTag>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("tags", out var tagMap) && tagMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tagMap.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.String))
            {
                tags.Add(new StackTag(tag.Name, tag.Value.GetString()!));
            }
        }
        if (!artifact.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return (tags, paths);
        }
        foreach (var entry in metadata.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var item in entry.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var itemType = item.TryGetProperty("type", out var it) && it.ValueKind == JsonValueKind.String ? it.GetString() : null;
                if (!item.TryGetProperty("data", out var data))
                {
                    continue;
                }
                if (itemType == "aws:cdk:logicalId" && data.ValueKind == JsonValueKind.String)
                {
                    // Keys are "/Stack/Construct/Resource"; aws:cdk:path in a template has no leading slash.
                    paths.TryAdd(data.GetString()!, entry.Name.TrimStart('/'));
                }
                else if (itemType == "aws:cdk:stack-tags" && data.ValueKind == JsonValueKind.Array && tags.Count == 0)
                {
                    foreach (var tag in data.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object))
                    {
                        // The schema writes "key"/"value"; older assemblies "Key"/"Value".
                        if ((Text(tag, "key") ?? Text(tag, "Key")) is { } key && (Text(tag, "value") ?? Text(tag, "Value")) is { } value)
                        {
                            tags.Add(new StackTag(key, value));
                        }
                    }
                }
            }
        }
        return (tags, paths);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
