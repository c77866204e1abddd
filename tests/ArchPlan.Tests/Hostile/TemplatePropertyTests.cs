using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ArchPlan.Cli;
using ArchPlan.Diagnostics;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Pipeline;
using ArchPlan.Tables;
using ArchPlan.Tests.Support;
using TablesCliCollection = ArchPlan.Tests.Tables.TablesCliCollection;
using CsCheck;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// Fuzzing of infrastructure input, as <see cref="ReaderPropertyTests"/> fuzzes plans: random CloudFormation templates
/// built from the grammar of real ones (JSON and YAML, short tags, anchors and aliases, duplicate keys), real templates
/// with random mutations, and random cloud assemblies (manifests with nested assemblies and paths that leave the folder).
/// The reader, diff and tables must never throw: a model or diagnostics pointing into the file, in bounded time.
/// In-memory properties run ARCHPLAN_PROPERTY_ITERATIONS / 5 cases (2,000 by default); the CLI property runs 1/100.
/// </summary>
[Collection(TablesCliCollection.Name)]
public sealed class TemplatePropertyTests
{
    private static readonly long Iterations = Math.Max(200, ReaderPropertyTests.Iterations / 5);
    private static readonly long CliIterations = Math.Max(40, ReaderPropertyTests.Iterations / 100);
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(5);

    private static readonly string Infra = Path.Combine(RepoPaths.TestFiles, "infra");
    private static readonly string PlanPath = Path.Combine(Infra, "leaderboard-plan.md");
    private static readonly Lazy<Plan> LeaderboardPlan = new(() => PlanLoader.Load(PlanPath).Value!);

    // ---- The grammar of templates ----------------------------------------------------------------------------------

    private abstract record Node;

    private sealed record MapNode(IReadOnlyList<(string Key, Node Value)> Entries) : Node;

    private sealed record ListNode(IReadOnlyList<Node> Items) : Node;

    private sealed record ScalarNode(string Value) : Node;

    /// <summary>A short tag (<c>!Ref x</c>) in YAML; the long form (<c>{"Ref": x}</c>) in JSON.</summary>
    private sealed record TagNode(string Tag, Node Value) : Node;

    private static readonly string[] Types =
    [
        "AWS::Lambda::Function", "AWS::ECS::TaskDefinition", "AWS::ECS::Service", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::S3::Bucket",
        "AWS::DynamoDB::Table", "AWS::SecretsManager::Secret", "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::Events::Rule",
        "AWS::StepFunctions::StateMachine", "AWS::RDS::DBInstance", "AWS::CloudWatch::Alarm", "AWS::ApiGateway::RestApi", "AWS::CDK::Metadata",
        "Custom::Thing", "AWS::EC2::VPC", "", "AWS::", "::", "AWS::Lambda::Function::Extra",
    ];

    private static readonly string[] Values =
    [
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf", "arn:aws:secretsmanager:us-east-1:123456789012:secret:*",
        "{{resolve:secretsmanager:app/db:SecretString:password::}}", "{{resolve:secretsmanager:", "arn:${AWS::Partition}:secretsmanager:",
        ":secret:", "arn:aws:secretsmanager:::secret:-??????", "${AWS::Region}", "${Token[TOKEN.12]}", "true", "null", "~", "0", "-1", "1e999",
        "Stack/Fn/Resource", "/", "", " ", "x", "DB_HOST", "prod", "acme-leaderboard-prod", "secretsmanager:GetSecretValue", "*",
    ];

    private static Gen<string> Pick(string[] values) => HostileText.Pick(values);

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, (IGen<string>)Pick(Values)), (2, HostileText.Word), (2, Pick(HostileText.Fragments)),
        (1, Gen.Select(Pick(Values), Pick(HostileText.Fragments), (a, b) => a + b)));

    private static readonly Gen<string> LogicalId = Gen.OneOf(
        Gen.String[Gen.Char['A', 'Z'], 1, 12], HostileText.Word, Gen.Const("Resources"), Gen.Const("Ref"), Gen.Const("Fn::GetAtt"));

    private static Gen<Node> Scalar => Text.Select(t => (Node)new ScalarNode(t));

    private static readonly string[] ShortTags = ["Ref", "GetAtt", "Sub", "Join", "Select", "ImportValue", "If", "Base64", "Nope", "FindInMap"];

    private static Gen<Node> Intrinsic(Gen<Node> inner) => Gen.OneOf(
        Gen.Select(Pick(ShortTags), inner, (tag, value) => (Node)new TagNode(tag, value)),
        Gen.Select(LogicalId, Text, (id, attribute) => (Node)new TagNode("GetAtt", new ScalarNode(id + "." + attribute))),
        Gen.Select(Text, inner.Array[0, 4], (separator, parts) =>
            (Node)new TagNode("Join", new ListNode([new ScalarNode(separator), new ListNode(parts)]))));

    /// <summary>Any value, at most <paramref name="depth"/> levels deep.</summary>
    private static Gen<Node> Value(int depth)
    {
        if (depth == 0)
        {
            return Scalar;
        }
        var inner = Value(depth - 1);
        return Gen.Frequency(
            (5, (IGen<Node>)Scalar),
            (2, Intrinsic(inner)),
            (1, inner.Array[0, 4].Select(items => (Node)new ListNode(items))),
            (1, Gen.Select(Text, inner).Array[0, 4].Select(entries => (Node)new MapNode(entries))));
    }

    private static MapNode Map(params (string Key, Node Value)[] entries) => new(entries);

    private static readonly Gen<Node> EnvironmentValue = Value(2);

    private static readonly Gen<(string, Node)[]> Variables = Gen.Select(Gen.OneOf(HostileText.Word, Text), EnvironmentValue).Array[0, 5];

    private static readonly Gen<Node> Properties = Gen.OneOf(
        Variables.Select(v => (Node)Map(("Environment", Map(("Variables", new MapNode(v)))))),
        Gen.Select(Variables, Variables, Text, (environment, secrets, name) => (Node)Map(("ContainerDefinitions", new ListNode(
        [
            Map(("Name", new ScalarNode(name)),
                ("Environment", new ListNode([.. environment.Select(v => (Node)Map(("Name", new ScalarNode(v.Item1)), ("Value", v.Item2)))])),
                ("Secrets", new ListNode([.. secrets.Select(v => (Node)Map(("Name", new ScalarNode(v.Item1)), ("ValueFrom", v.Item2)))]))),
        ])))),
        Gen.Select(Text, Value(2), (actions, resource) => (Node)Map(("PolicyDocument", Map(("Statement", new ListNode(
        [
            Map(("Action", new ScalarNode(actions)), ("Effect", new ScalarNode("Allow")), ("Resource", resource)),
        ])))))),
        Gen.Select(Text, Text, (property, name) => (Node)Map((property, new ScalarNode(name)))),
        Value(3));

    private static readonly Gen<Node> Resource = Gen.Select(Pick(Types), Properties, Text, Gen.Int[0, 3], (type, properties, path, shape) => shape switch
    {
        0 => (Node)Map(("Type", new ScalarNode(type)), ("Properties", properties), ("Metadata", Map(("aws:cdk:path", new ScalarNode(path))))),
        1 => Map(("Type", new ScalarNode(type)), ("Properties", properties)),
        2 => Map(("Type", new ScalarNode(type))),
        _ => properties,
    });

    private static readonly Gen<Node> Template = Gen.Select(
        Gen.Select(LogicalId, Resource).Array[0, 6],
        Gen.Select(Pick(["Parameters", "Outputs", "Conditions", "Mappings", "Rules", "Description", "Transform", "Other"]), Value(2)).Array[0, 3],
        Gen.Int[0, 9],
        (resources, sections, shape) => shape switch
        {
            0 => (Node)new MapNode(sections),
            1 => new ListNode([new MapNode(resources)]),
            2 => new ScalarNode("Resources"),
            _ => new MapNode([("Resources", new MapNode(resources)), .. sections]),
        });

    // ---- Rendering: JSON and YAML, with duplicate keys, anchors and aliases -----------------------------------------

    private static string Json(Node node, Random random)
    {
        var text = new StringBuilder();
        void Write(Node n)
        {
            switch (n)
            {
                case ScalarNode s when random.Next(6) == 0 && double.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out _):
                    text.Append(s.Value);
                    break;
                case ScalarNode s:
                    text.Append(JsonSerializer.Serialize(s.Value));
                    break;
                case TagNode t:
                    Write(Map((t.Tag is "Ref" or "Condition" ? t.Tag : "Fn::" + t.Tag, t.Value)));
                    break;
                case ListNode l:
                    text.Append('[');
                    for (var i = 0; i < l.Items.Count; i++)
                    {
                        text.Append(i > 0 ? ",\n" : "\n");
                        Write(l.Items[i]);
                    }
                    text.Append(']');
                    break;
                case MapNode m:
                    text.Append('{');
                    var entries = m.Entries.ToList();
                    if (entries.Count > 0 && random.Next(8) == 0)
                    {
                        entries.Add(entries[random.Next(entries.Count)]);
                    }
                    for (var i = 0; i < entries.Count; i++)
                    {
                        text.Append(i > 0 ? ",\n" : "\n").Append(JsonSerializer.Serialize(entries[i].Key)).Append(": ");
                        Write(entries[i].Value);
                    }
                    text.Append('}');
                    break;
                default:
                    throw new InvalidOperationException();
            }
        }
        Write(node);
        return text.ToString();
    }

    private static string Yaml(Node node, Random random)
    {
        var text = new StringBuilder();
        var anchors = 0;
        void Scalar(string value) =>
            text.Append(random.Next(3) == 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && value.Length > 0
                ? value
                : JsonSerializer.Serialize(value));
        void Write(Node n, int indent)
        {
            var pad = new string(' ', indent);
            var anchor = random.Next(10) == 0 ? $"&a{anchors++} " : "";
            if (anchors > 0 && random.Next(14) == 0)
            {
                text.Append($" *a{random.Next(anchors)}\n");
                return;
            }
            switch (n)
            {
                case ScalarNode s:
                    text.Append(' ').Append(anchor);
                    Scalar(s.Value);
                    text.Append('\n');
                    break;
                case TagNode t when t.Value is ScalarNode s:
                    text.Append(" !").Append(t.Tag).Append(' ');
                    Scalar(s.Value);
                    text.Append('\n');
                    break;
                case TagNode t:
                    // A tag before a block collection: "!Join" then the list on the lines below.
                    text.Append(" !").Append(t.Tag);
                    Write(t.Value, indent);
                    break;
                case ListNode { Items.Count: 0 }:
                    text.Append(' ').Append(anchor).Append("[]\n");
                    break;
                case ListNode l:
                    text.Append(' ').Append(anchor).Append('\n');
                    foreach (var item in l.Items)
                    {
                        text.Append(pad).Append("  -");
                        Write(item, indent + 4);
                    }
                    break;
                case MapNode { Entries.Count: 0 }:
                    text.Append(' ').Append(anchor).Append("{}\n");
                    break;
                case MapNode m:
                    text.Append(' ').Append(anchor).Append('\n');
                    var entries = m.Entries.ToList();
                    if (random.Next(8) == 0)
                    {
                        entries.Add(entries[random.Next(entries.Count)]);
                    }
                    foreach (var (key, value) in entries)
                    {
                        text.Append(pad).Append("  ");
                        Scalar(key);
                        text.Append(':');
                        Write(value, indent + 2);
                    }
                    break;
                default:
                    throw new InvalidOperationException();
            }
        }
        if (node is MapNode root)
        {
            foreach (var (key, value) in root.Entries)
            {
                Scalar(key);
                text.Append(':');
                Write(value, 0);
            }
        }
        else
        {
            text.Append("---");
            Write(node, 0);
        }
        return text.ToString();
    }

    // ---- Mutations of real and generated templates -----------------------------------------------------------------

    private static readonly string[] Seeds =
    [
        .. new[] { "leaderboard.template.json", "yaml/leaderboard.template.yaml", "assembly/cdk.out/AcmeLeaderboardStack.template.json" }
            .Select(f => File.ReadAllText(Path.Combine(Infra, f))),
    ];

    private static readonly string[] Splices =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\n", "\n  ", "- ", "&a ", "*a", "&x [*x, *x]", "!Ref ", "!GetAtt ", "!Nope ", "<<: ", "\0", "\uFEFF", "\\",
        "\\u0000", "\uD800", "#", "'", "|\n", ">-\n", "\t", "? ", "%YAML 1.1\n", "--- ", "...", "\"Resources\": {", "Resources:\n", "1e309", "-0",
        "\"Type\": \"AWS::Lambda::Function\"", "{\"Ref\": \"X\"}", "{\"Fn::GetAtt\": []}", "{\"Fn::Join\": [\"\", [{\"Ref\": \"AWS::Region\"}]]}",
    ];

    private static string Mutate(string text, Random random, int count)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < count && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            var length = Math.Min(builder.Length - at, random.Next(1, 40));
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 2:
                    builder.Insert(at, Splices[random.Next(Splices.Length)]);
                    break;
                case 3:
                    builder.Length = at;
                    break;
                default:
                    builder[at] = (char)random.Next(0, 128);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A template's text and whether it was written as YAML: generated or a real one, mutated or not.</summary>
    private static readonly Gen<(string Text, bool Yaml)> TemplateText = Gen.Select(Template, Gen.Int[0, 3], Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 3], Gen.Int,
        (template, kind, seed, mutations, randomSeed) =>
        {
            var random = new Random(randomSeed);
            var (text, yaml) = kind switch
            {
                0 => (Json(template, random), false),
                1 => (Yaml(template, random), true),
                _ => (Seeds[seed], seed == 1),
            };
            return (mutations == 0 ? text : Mutate(text, random, mutations * 2), yaml);
        });

    // ---- Properties ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Random_and_mutated_templates_never_crash_the_reader_diff_or_tables()
    {
        TemplateText.Sample(sample =>
        {
            var file = sample.Yaml ? "random.template.yaml" : "random.template.json";
            var clock = Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            var root = TemplateParser.Parse(sample.Text, file, diagnostics);
            var builder = new InfraModelBuilder();
            if (root is not null && TemplateAnalyzer.Analyze(root, file, null, builder, diagnostics))
            {
                builder.AddStack(new InfraStack { Id = "random", TemplatePath = file });
                var model = builder.Build(file, sample.Yaml ? InfraSourceKind.TemplateYaml : InfraSourceKind.TemplateJson);
                _ = TableModel.From(model);
                _ = PlanDiffer.Diff(LeaderboardPlan.Value, model, diagnostics.ToImmutableSorted());
            }
            else
            {
                Assert.True(diagnostics.HasErrors, "a template that is not read has an error saying why");
            }
            var lines = sample.Text.Split('\n').Length;
            Assert.True(clock.Elapsed < PerCase, $"took {clock.Elapsed.TotalSeconds:F1} s");
            Assert.All(diagnostics.ToImmutableSorted(), d =>
            {
                Assert.Equal(file, d.Location.File);
                Assert.True(d.Location.Line <= lines + 1, $"{d.Location} is past the end ({lines} lines): {d.Message}");
            });
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Random_cloud_assemblies_and_template_files_never_crash_diff_or_tables()
    {
        var artifact = Gen.Select(TemplateText, Gen.Int[0, 7], Gen.Int[0, 2], (template, path, nested) => (template, path, nested));
        Gen.Select(artifact.Array[1, 3], Gen.Int[0, 4], Gen.Int).Sample(sample =>
        {
            var (artifacts, shape, seed) = sample;
            using var temp = new TempFolder();
            var target = shape == 0 ? WriteTemplateFile(temp.Path, artifacts[0].template) : WriteAssembly(temp.Path, artifacts, new Random(seed), shape);
            foreach (var args in new[] { new[] { "diff", PlanPath, "--against", target }, ["tables", target] })
            {
                var clock = Stopwatch.StartNew();
                var result = CliRunner.Run(args);
                var said = $"archplan {string.Join(' ', args)}: exit {result.ExitCode}\n{result.Error}";
                Assert.True(clock.Elapsed < PerCase * 2, $"{said}\ntook {clock.Elapsed.TotalSeconds:F1} s");
                Assert.True(result.ExitCode is CliApp.Success or CliApp.Failure or CliApp.UsageError, said);
                Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
                // The template outside the assembly is never read.
                Assert.DoesNotContain("EscapedQueue", result.Out + result.Error, StringComparison.Ordinal);
            }
        }, iter: CliIterations, threads: 1);
    }

    private static string WriteTemplateFile(string folder, (string Text, bool Yaml) template)
    {
        var path = Path.Combine(folder, template.Yaml ? "stack.template.yaml" : "stack.template.json");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(template.Text));
        return path;
    }

    /// <summary>A cdk.out folder: each artifact's template written where its path says, when that path stays inside.</summary>
    private static string WriteAssembly(string folder, ((string Text, bool Yaml) Template, int Path, int Nested)[] artifacts, Random random, int shape)
    {
        var assembly = Path.Combine(folder, "cdk.out");
        Directory.CreateDirectory(assembly);
        var outside = Path.Combine(folder, "outside.template.json");
        File.WriteAllText(outside, "{\"Resources\": {\"EscapedQueue\": {\"Type\": \"AWS::SQS::Queue\"}}}");
        var entries = new List<string>();
        for (var i = 0; i < artifacts.Length; i++)
        {
            var (template, path, nested) = artifacts[i];
            var name = $"Stack{i}.template.json";
            var templateFile = path switch
            {
                0 => "../outside.template.json",
                1 => outside,
                2 => "missing.template.json",
                3 => "",
                4 => "sub/../" + name,
                _ => name,
            };
            var directory = nested == 0 ? assembly : Path.Combine(assembly, $"assembly-{i}");
            Directory.CreateDirectory(directory);
            if (path >= 4)
            {
                // Lone surrogates become U+FFFD: the file holds what an editor would have saved.
                File.WriteAllBytes(Path.Combine(directory, name), Encoding.UTF8.GetBytes(template.Text));
                Directory.CreateDirectory(Path.Combine(directory, "sub"));
            }
            var stack = $"\"Stack{i}\": {{\"type\": \"aws:cloudformation:stack\", \"properties\": {{\"templateFile\": {JsonSerializer.Serialize(templateFile)}, \"stackName\": \"s{i}\"}}}}";
            if (nested == 0)
            {
                entries.Add(stack);
            }
            else
            {
                File.WriteAllText(Path.Combine(directory, "manifest.json"), $"{{\"version\": \"38.0.1\", \"artifacts\": {{{stack}}}}}");
                var directoryName = nested == 1 ? $"assembly-{i}" : random.Next(2) == 0 ? "../" : "/";
                entries.Add($"\"Stage{i}\": {{\"type\": \"cdk:cloud-assembly\", \"properties\": {{\"directoryName\": {JsonSerializer.Serialize(directoryName)}}}}}");
            }
        }
        var manifest = $"{{\"version\": \"38.0.1\", \"artifacts\": {{{string.Join(", ", entries)}}}}}";
        File.WriteAllBytes(Path.Combine(assembly, "manifest.json"), Encoding.UTF8.GetBytes(shape == 4 ? Mutate(manifest, random, 3) : manifest));
        return shape == 3 ? folder : assembly;
    }
}
