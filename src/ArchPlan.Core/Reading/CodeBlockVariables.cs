using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Model;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>
/// Reads variables from code blocks that set them in a structured way: the <c>environment</c> map of a CDK construct in
/// an example (<c>environment: { TABLE_NAME: table.tableName, LOG_LEVEL: 'INFO' }</c>) gives run-time variables, and
/// <c>export NAME=value</c> in a shell block gives build-time variables (the deployer's shell). Other code (JSON task
/// definitions, <c>.env</c> files, programs) is never read.
/// </summary>
internal sealed partial class CodeBlockVariables(SourceText source, Outline outline, IReadOnlyList<PlannedResource>? resources = null)
{
    private static readonly HashSet<string> ShellLanguages = ["bash", "sh", "shell", "zsh", "console", "terminal", "shell-session"];

    private static readonly HashSet<string> ProgramLanguages =
        ["typescript", "ts", "javascript", "js", "python", "py", "csharp", "cs", "c#", "java", "kotlin", "go", "tsx", "jsx"];

    public List<EnvVariable> RunTime { get; } = [];

    public List<EnvVariable> BuildTime { get; } = [];

    public void Read(MarkdownDocument document)
    {
        foreach (var fence in document.Descendants<FencedCodeBlock>())
        {
            var chain = outline.ChainAt(fence.Span.Start);
            if (chain.Any(h => SectionNames.IsCi(h.Key) || SectionNames.IsLocalDevelopment(h.Key) || SectionNames.IsRetired(h.Key)))
            {
                continue;
            }
            var language = (fence.Info ?? "").Trim().ToLowerInvariant();
            var lines = fence.Lines.Lines.Take(fence.Lines.Count).Select(l => (Text: l.Slice.ToString(), Start: l.Slice.Start)).ToList();
            if (ShellLanguages.Contains(language))
            {
                ReadExports(lines);
            }
            else if (ProgramLanguages.Contains(language))
            {
                ReadEnvironmentMaps(lines);
            }
        }
    }

    private void ReadExports(List<(string Text, int Start)> lines)
    {
        foreach (var (text, start) in lines)
        {
            var match = Export().Match(text);
            if (!match.Success)
            {
                continue;
            }
            var raw = match.Groups["value"].Value.Trim();
            var value = raw.Contains('$', StringComparison.Ordinal) || raw.Length == 0 ? ValueSpec.None : ValueSpec.Literal(raw.Trim('"', '\''));
            var location = source.At(start + match.Groups["name"].Index, match.Groups["name"].Length);
            BuildTime.Add(new EnvVariable { Name = match.Groups["name"].Value, Value = value, Location = location, ValueLocation = location, TableIndex = -1 });
        }
    }

    /// <summary>The entries of every <c>environment: {</c> (or <c>environment={</c>, <c>Environment = new Dictionary…{</c>) up to its closing brace.</summary>
    private void ReadEnvironmentMaps(List<(string Text, int Start)> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!MapStart().IsMatch(lines[i].Text))
            {
                continue;
            }
            var depth = Depth(lines[i].Text[lines[i].Text.IndexOf('{', StringComparison.Ordinal)..]);
            var scope = ScopeOf(lines, i);
            for (var j = i + 1; j < lines.Count && depth > 0; j++)
            {
                var (text, start) = lines[j];
                if (depth == 1 && Entry().Match(text) is { Success: true } entry)
                {
                    var name = entry.Groups["name"].Value;
                    var location = source.At(start + entry.Groups["name"].Index, name.Length);
                    RunTime.Add(new EnvVariable
                    {
                        Name = name,
                        Value = ValueOf(entry.Groups["value"].Value.Trim().TrimEnd(',').Trim()),
                        Location = location,
                        ValueLocation = location,
                        TableIndex = -1,
                        Scope = scope,
                    });
                }
                depth += Depth(text);
                i = j;
            }
        }
    }

    /// <summary>
    /// The plan's compute the example constructs, when the nearest construct above the map is one
    /// (<c>new NodejsFunction(this, 'JobsService', {</c> ↔ <c>service-jobs</c>: the same words in any order); else every compute.
    /// </summary>
    private EquatableArray<string> ScopeOf(List<(string Text, int Start)> lines, int mapLine)
    {
        if (resources is null)
        {
            return EquatableArray<string>.Empty;
        }
        for (var k = mapLine; k >= 0 && k >= mapLine - 15; k--)
        {
            if (ConstructId().Match(lines[k].Text) is not { Success: true } construct)
            {
                continue;
            }
            var words = Words(construct.Groups["id"].Value);
            var matches = resources.Where(r => r.IsCompute && Words(r.Name).SetEquals(words)).Select(r => r.Name).Distinct().ToList();
            return matches.Count == 1 ? new[] { matches[0] }.ToEquatableArray() : EquatableArray<string>.Empty;
        }
        return EquatableArray<string>.Empty;
    }

    private static HashSet<string> Words(string name) =>
        [.. ArchPlan.Generation.Naming.Words.Split(name).Where(w => w is not ("function" or "fn" or "lambda" or "handler"))];

    /// <summary>A quoted string or a number is a literal; <c>table.tableName</c> is an attribute of a resource; anything else gives no value.</summary>
    private static ValueSpec ValueOf(string expression)
    {
        if (expression.Length >= 2 && expression[0] is '\'' or '"' or '`' && expression[^1] == expression[0])
        {
            var inner = expression[1..^1];
            return inner.Contains("${", StringComparison.Ordinal) ? ValueSpec.None : ValueSpec.Literal(inner);
        }
        if (Number().IsMatch(expression) || expression is "true" or "false" or "True" or "False")
        {
            return ValueSpec.Literal(expression.ToLowerInvariant());
        }
        if (Member().Match(expression) is { Success: true } member && !expression.Contains("env", StringComparison.OrdinalIgnoreCase))
        {
            return new ValueSpec(ValueKind.FromResource, expression, Resource: ResourceWords(member.Groups["last"].Value, expression));
        }
        return ValueSpec.None;
    }

    /// <summary>"tableName" → table, "eventBusName" → event bus, "queueUrl" → queue: the resource a CDK attribute belongs to.</summary>
    private static string ResourceWords(string attribute, string expression)
    {
        var words = new StringBuilder();
        foreach (var c in attribute)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(c));
        }
        var kept = words.ToString().Split(' ').Where(w => w is not ("name" or "url" or "arn" or "id" or "endpoint" or "address" or "uri")).ToList();
        return kept.Count > 0 ? string.Join(' ', kept) : expression;
    }

    private static int Depth(string text) => text.Count(c => c is '{' or '[') - text.Count(c => c is '}' or ']');

    [GeneratedRegex(@"^\s*export\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^#]*)")]
    private static partial Regex Export();

    [GeneratedRegex(@"\b[Ee]nvironment(?:Variables)?\s*[:=]\s*(?:new\s+Dictionary<[^>]*>\s*(?:\(\s*\))?\s*)?(?:dict\()?\{")]
    private static partial Regex MapStart();

    [GeneratedRegex(@"^\s*(?:\[\s*)?['""]?(?<name>[A-Z][A-Z0-9_]*)['""]?(?:\s*\])?\s*[:=]\s*(?<value>.+?)\s*(?://.*|#.*)?$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^-?\d+(?:\.\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[A-Za-z_][\w]*(?:\??\.[A-Za-z_]\w*)*\??\.(?<last>[A-Za-z_]\w*)$")]
    private static partial Regex Member();

    // A construct created in the example: `new X(this, 'Id'`, `X(self, "Id"`.
    [GeneratedRegex(@"\(\s*(?:this|self|scope|stack)\s*,\s*['""](?<id>[^'""]+)['""]")]
    private static partial Regex ConstructId();
}
