using System.Globalization;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

/// <summary>Reads the repository's fixture plans and samples, and describes model objects as one-line strings so a test can compare whole lists.</summary>
internal static class ReadingAssertions
{
    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArchPlan.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ArchPlan.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RepositoryRoot.Value;

    public static string FixturePath(string name) => Path.Combine(Root, "tests", "ArchPlan.Tests", "TestFiles", "plans", name);

    public static string SamplePath(string name) => Path.Combine(Root, "samples", name);

    /// <summary>Reads a fixture plan and returns the plan, failing when the reader gave none.</summary>
    public static (Plan Plan, IReadOnlyList<Diagnostic> Diagnostics) ReadFixture(string name, ReadOptions? options = null) =>
        ReadFile(FixturePath(name), options);

    public static (Plan Plan, IReadOnlyList<Diagnostic> Diagnostics) ReadSample(string name, ReadOptions? options = null) =>
        ReadFile(SamplePath(name), options);

    public static (Plan Plan, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path, ReadOptions? options = null)
    {
        var result = PlanReader.Read(path, options);
        Assert.NotNull(result.Value);
        return (result.Value, result.Diagnostics);
    }

    public static (Plan Plan, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, ReadOptions? options = null)
    {
        var result = PlanReader.Parse(text, "plan.md", options);
        Assert.NotNull(result.Value);
        return (result.Value, result.Diagnostics);
    }

    /// <summary>"AP1301@37" for each diagnostic.</summary>
    public static string[] Codes(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Id}@{d.Location.Line}")];

    /// <summary>"19 LambdaFunction orders-api runtime=nodejs20.x memory=256 timeout=10" and so on; only the settings that are set.</summary>
    public static string Describe(PlannedResource r)
    {
        var parts = new List<string> { r.Location.Line.ToString(CultureInfo.InvariantCulture), r.Kind.ToString(), r.Name };
        if (r.Runtime is not null)
        {
            parts.Add("runtime=" + r.Runtime);
        }
        if (r.MemoryMb is not null)
        {
            parts.Add("memory=" + r.MemoryMb.Value.ToString(CultureInfo.InvariantCulture));
        }
        if (r.Cpu is not null)
        {
            parts.Add("cpu=" + r.Cpu.Value.ToString(CultureInfo.InvariantCulture));
        }
        if (r.TimeoutSeconds is not null)
        {
            parts.Add("timeout=" + r.TimeoutSeconds.Value.ToString(CultureInfo.InvariantCulture));
        }
        if (r.Schedule is not null)
        {
            parts.Add("schedule=" + r.Schedule.Expression);
        }
        if (r.DeadLetterQueue)
        {
            parts.Add("dlq");
        }
        if (r.Image is not null)
        {
            parts.Add("image=" + r.Image);
        }
        parts.AddRange(r.Links.Select(l => $"{l.Kind}->{l.Target}"));
        return string.Join(' ', parts);
    }

    /// <summary>"28 ORDERS_TABLE resource:DynamoDB table unspecified", then scope, type and per-environment values when present.</summary>
    public static string Describe(EnvVariable v)
    {
        var parts = new List<string> { v.Location.Line.ToString(CultureInfo.InvariantCulture), v.Name, Describe(v.Value), v.Required.ToString().ToLowerInvariant() };
        if (v.Scope.Count > 0)
        {
            parts.Add("scope=" + string.Join(',', v.Scope));
        }
        if (v.Type is not null)
        {
            parts.Add("type=" + v.Type);
        }
        parts.AddRange(v.PerEnvironment.Select(e => $"{e.Environment}@{e.Location.Line}={Describe(e.Value)}"));
        return string.Join(' ', parts);
    }

    /// <summary>"none", "literal:50", "resource:RDS", "secret:orders/db/credentials#password".</summary>
    public static string Describe(ValueSpec value) => value.Kind switch
    {
        ValueKind.None => "none",
        ValueKind.Literal => "literal:" + value.Text,
        ValueKind.FromResource => "resource:" + value.Resource,
        ValueKind.FromSecret => "secret:" + (value.Secret ?? "?") + (value.SecretField is null ? "" : "#" + value.SecretField),
        _ => value.Kind.ToString(),
    };

    /// <summary>"171 [product]/db/credentials fields=username,password format=JSON: {…}".</summary>
    public static string Describe(PlannedSecret s)
    {
        var text = $"{s.Location.Line} {s.Name}";
        if (s.JsonFields.Count > 0)
        {
            text += " fields=" + string.Join(',', s.JsonFields);
        }
        return s.Format is null ? text : text + " format=" + s.Format;
    }

    /// <summary>"EnvironmentVariables@162 Variable=Name,Description=Description" (environment columns as dev=EnvironmentValue(dev)).</summary>
    public static string Describe(ConfigTable t) =>
        $"{t.Kind}@{t.Location.Line} " + string.Join(',', t.Columns.Select(c => c.Role == ColumnRole.EnvironmentValue ? $"{c.Header}=EnvironmentValue({c.Environment})" : $"{c.Header}={c.Role}"));

    public static void Resources(Plan plan, params string[] expected) => Lines(expected, plan.Resources.Select(Describe));

    public static void Variables(Plan plan, params string[] expected) => Lines(expected, plan.Variables.Select(Describe));

    public static void Secrets(Plan plan, params string[] expected) => Lines(expected, plan.Secrets.Select(Describe));

    public static void ConfigTables(Plan plan, params string[] expected) => Lines(expected, plan.Tables.Select(Describe));

    /// <summary>Compares two lists of lines, showing both in full when they differ (xunit truncates long collections).</summary>
    public static void Lines(IReadOnlyList<string> expected, IEnumerable<string> actual)
    {
        var lines = actual.ToArray();
        if (!expected.SequenceEqual(lines))
        {
            var missing = expected.Except(lines).Select(l => "  - " + l);
            var extra = lines.Except(expected).Select(l => "  + " + l);
            throw new Xunit.Sdk.XunitException(
                "Lists differ (- expected only, + actual only):\n" + string.Join('\n', missing.Concat(extra))
                + "\nActual:\n" + string.Join('\n', lines.Select(l => "    " + l)));
        }
    }

    /// <summary>The resource a from-resource value's words resolve to: the only resource of the kind the words name.</summary>
    public static string ResolvedResource(Plan plan, EnvVariable variable)
    {
        Assert.Equal(ValueKind.FromResource, variable.Value.Kind);
        var kind = ResourceRecognizer.Recognize(variable.Value.Resource!)?.Kind;
        Assert.NotNull(kind);
        return Assert.Single(plan.Resources, r => r.Kind == kind).Name;
    }

    /// <summary>"infrastructure=137 resources=139 stack=143 configuration=158 variables=160 secrets=167", "-" for a missing section.</summary>
    public static string Describe(PlanSections s)
    {
        static string L(SourceLocation? l) => l is { } x ? x.Line.ToString(CultureInfo.InvariantCulture) : "-";
        return $"infrastructure={L(s.Infrastructure)} resources={L(s.AwsResources)} stack={L(s.StackStructure)} configuration={L(s.Configuration)} variables={L(s.EnvironmentVariables)} secrets={L(s.Secrets)}";
    }

    /// <summary>"title=Orders@2" for each front-matter field; an empty value shows as nothing after '='.</summary>
    public static string[] Fields(FrontMatter frontMatter) =>
        [.. frontMatter.Fields.Select(f => $"{f.Key}={f.Value}@{f.Location.Line}")];
}
