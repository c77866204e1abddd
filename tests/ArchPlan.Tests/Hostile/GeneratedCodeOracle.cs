using System.Text.RegularExpressions;
using ArchPlan.Generation;
using ArchPlan.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// What the generated C# of a plan must look like, judged two ways: against the code generated for the plan's
/// benign twin (<see cref="CompareWithTwin"/>), and against the plan itself and the templates' vocabulary
/// (<see cref="CheckShape"/>). Each returns the problems found; none means the code passes.
/// </summary>
internal static partial class GeneratedCodeOracle
{
    // Documentation comments are read as plain comments: plan text never goes into them, and parsing them costs time.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>The generated C# files of an app, parsed; paths are prefixed so trees of several plans can share a compilation.</summary>
    public static List<SyntaxTree> Parse(IEnumerable<GeneratedFile> files, string prefix) =>
        [.. files.Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Content, ParseOptions, prefix + f.RelativePath))];

    /// <summary>
    /// The hostile plan's files against its twin's: the same paths, and in each C# file the same tokens (kind and
    /// text) and the same directives, except that a string literal may differ only by the twin mapping: the
    /// hostile literal's value, twinned, is the twin literal's value. So plan text reached C# only inside literals,
    /// byte-exact, and the code around it is exactly the code the benign twin gets.
    /// </summary>
    public static IEnumerable<string> CompareWithTwin(IReadOnlyList<GeneratedFile> hostile, IReadOnlyList<GeneratedFile> twin,
        IReadOnlyList<SyntaxTree> hostileTrees, IReadOnlyList<SyntaxTree> twinTrees)
    {
        var hostilePaths = hostile.Select(f => HostileText.Twin(f.RelativePath)).ToList();
        var twinPaths = twin.Select(f => f.RelativePath).ToList();
        if (!hostilePaths.SequenceEqual(twinPaths, StringComparer.Ordinal))
        {
            yield return $"the files differ from the twin's: [{string.Join(", ", hostile.Select(f => f.RelativePath))}] vs [{string.Join(", ", twinPaths)}]";
            yield break;
        }
        for (var i = 0; i < hostileTrees.Count; i++)
        {
            foreach (var problem in CompareTrees(hostileTrees[i], twinTrees[i]))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> CompareTrees(SyntaxTree hostile, SyntaxTree twin)
    {
        using var a = hostile.GetRoot().DescendantTokens().GetEnumerator();
        using var b = twin.GetRoot().DescendantTokens().GetEnumerator();
        while (true)
        {
            var moreA = a.MoveNext();
            if (moreA != b.MoveNext())
            {
                yield return $"{hostile.FilePath}: the token streams differ in length from the twin's";
                yield break;
            }
            if (!moreA)
            {
                break;
            }
            if (!SameToken(a.Current, b.Current))
            {
                yield return $"{hostile.FilePath}({a.Current.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): token {a.Current.Kind()} '{Show(a.Current.Text)}' "
                    + $"where the twin has {b.Current.Kind()} '{Show(b.Current.Text)}' (line: '{Show(LineOf(a.Current))}')";
                yield break;
            }
        }
        var directivesA = Directives(hostile).ToList();
        var directivesB = Directives(twin).ToList();
        if (!directivesA.SequenceEqual(directivesB, StringComparer.Ordinal))
        {
            yield return $"{hostile.FilePath}: directives [{Show(string.Join(" | ", directivesA))}] where the twin has [{string.Join(" | ", directivesB)}]";
        }
    }

    private static bool SameToken(SyntaxToken hostile, SyntaxToken twin)
    {
        if (hostile.RawKind != twin.RawKind)
        {
            return false;
        }
        return hostile.Kind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.CharacterLiteralToken
                or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken =>
                hostile.ValueText == twin.ValueText || HostileText.Twin(hostile.ValueText) == twin.ValueText,
            _ => hostile.Text == twin.Text,
        };
    }

    // Only nodes flagged ContainsDirectives are visited: much cheaper than walking all trivia.
    private static IEnumerable<string> Directives(SyntaxTree tree) =>
        DirectivesOf(tree.GetRoot()).Select(d => d.ToString().Trim());

    private static IEnumerable<DirectiveTriviaSyntax> DirectivesOf(SyntaxNode root)
    {
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            yield return directive;
        }
    }

    private static string LineOf(SyntaxToken token)
    {
        var text = token.SyntaxTree!.GetText();
        var line = text.Lines.GetLineFromPosition(token.SpanStart).ToString();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    /// <summary>Control and format characters made visible, so a failure message can be read and copied.</summary>
    public static string Show(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > 400 ? text[..400] : text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Surrogate)
            {
                builder.Append($"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    // ----- the shape, from the plan and the templates alone -----

    /// <summary>The CDK types a planned resource's properties may have, and the template's own stack members.</summary>
    private static readonly HashSet<string> PropertyTypes = new(StringComparer.Ordinal)
    {
        "Secrets::ISecret", "Ec2::Vpc", "Ecs::Cluster", "S3::Bucket", "Dynamo::Table", "Sqs::Queue", "Sns::Topic", "Rds::DatabaseCluster",
        "Rds::DatabaseInstance", "Sfn::StateMachine", "Lambda::Function", "Ecs::FargateTaskDefinition", "Ecs::ContainerDefinition",
        "Ec2::SecurityGroup", "Ecs::FargateService", "Events::Rule", "HttpApis::HttpApi", "RestApis::RestApi", "CloudWatch::Alarm",
    };

    private static readonly string[] StackMethods =
    [
        "DefinePlannedResources", "ImportSecret", "SetVariable", "SetVariable",
        // The security review's helpers (docs/cdk-nag.md).
        "RequireSecureTransport", "LogAccess", "AcknowledgeWithin", "AccessLogs", "Acknowledge", "AcknowledgePermissions", "Wildcards",
        "Field", "Items", "Flatten",
    ];

    private static readonly string[] SettingsMethods = ["Load", "EnvironmentOf", "Optional", "Required", "Text", "Literal", "Fail"];

    // Members of resources the planner reads (attributes) or calls (grants) that are not spelled in the templates.
    private static readonly string[] PlannerVocabulary =
    [
        "BucketArn", "BucketName", "TableArn", "TableName", "QueueArn", "QueueName", "QueueUrl", "TopicName", "TopicArn", "DbInstanceEndpointPort",
        "DbInstanceEndpointAddress", "ClusterEndpoint", "ClusterReadEndpoint", "Port", "Hostname", "StateMachineName", "StateMachineArn", "Url",
        "ApiEndpoint", "FunctionArn", "FunctionName", "Token", "AsString", "Secret", "SecretArn", "TaskRole", "Connections", "settings",
    ];

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^(Grant[A-Za-z]+|[A-Z][A-Z0-9]*(_[A-Z0-9]+)*)$")]
    private static partial Regex GrantOrConstantPattern();

    /// <summary>
    /// Every identifier the templates spell (outside Liquid tags and inside them: both are template text, not plan text),
    /// and every identifier inside the string literals of the generator's own source (the kind modules spell the CDK
    /// members they emit: "S3::BucketProps", "GrantReadData"): fixed text of ArchPlan's, never plan text.
    /// </summary>
    private static readonly Lazy<HashSet<string>> TemplateVocabulary = new(() =>
    {
        var assembly = typeof(CdkAppGenerator).Assembly;
        var words = new HashSet<string>(PlannerVocabulary, StringComparer.Ordinal);
        foreach (var folder in new[] { "Kinds", "Generation" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Support.RepoPaths.Root, "src", "ArchPlan.Core", folder), "*.cs", SearchOption.AllDirectories))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), ParseOptions);
                foreach (var literal in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)))
                {
                    foreach (Match m in IdentifierPattern().Matches(literal.ValueText))
                    {
                        words.Add(m.Value);
                    }
                }
            }
        }
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("templates/cdk/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            foreach (Match m in IdentifierPattern().Matches(reader.ReadToEnd()))
            {
                words.Add(m.Value);
            }
        }
        return words;
    });

    /// <summary>
    /// Independent of the generator's naming: the app declares exactly the types Program (Main only), PlanSettings
    /// (its fixed members plus one string property per variable at most) and one partial stack class (its fixed
    /// members plus properties of CDK construct types, counted per resource kind from the plan); the only directive
    /// is <c>#nullable enable</c>; no trivia is disabled text or skipped tokens; and every identifier in the code is
    /// one the templates or the planner spell, a CDK constant/grant name, or a name the app itself declares.
    /// </summary>
    public static IEnumerable<string> CheckShape(Plan plan, IReadOnlyList<SyntaxTree> trees)
    {
        var problems = new List<string>();
        var roots = trees.Select(t => (CompilationUnitSyntax)t.GetRoot()).ToList();

        foreach (var root in roots)
        {
            foreach (var directive in DirectivesOf(root))
            {
                if (directive.ToString().Trim() != "#nullable enable")
                {
                    problems.Add($"{root.SyntaxTree.FilePath}: directive '{Show(directive.ToString().Trim())}'");
                }
            }
            if (root.ContainsSkippedText)
            {
                problems.Add($"{root.SyntaxTree.FilePath}: the parser skipped text");
            }
        }

        var namespaces = roots.SelectMany(r => r.Members).ToList();
        if (!namespaces.All(m => m is FileScopedNamespaceDeclarationSyntax) || namespaces.Count != roots.Count
            || namespaces.Cast<FileScopedNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Distinct().Count() != 1)
        {
            problems.Add("each file must declare the one namespace of the app, and nothing outside it: "
                + string.Join(", ", namespaces.Select(n => n.Kind() + " " + (n as BaseNamespaceDeclarationSyntax)?.Name)));
            return problems;
        }

        // Types can only be declared in namespaces and types: no need to look inside members.
        var typeLike = roots.SelectMany(r => r.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            .Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or GlobalStatementSyntax).ToList();
        var types = typeLike.OfType<BaseTypeDeclarationSyntax>().ToList();
        var delegates = typeLike.OfType<DelegateDeclarationSyntax>().ToList();
        var topLevel = typeLike.OfType<GlobalStatementSyntax>().ToList();
        if (delegates.Count > 0 || topLevel.Count > 0)
        {
            problems.Add($"unexpected delegates or top-level statements: {delegates.Count + topLevel.Count}");
        }
        var program = types.Where(t => t.Identifier.ValueText == "Program").ToList();
        var settings = types.Where(t => t.Identifier.ValueText == "PlanSettings").ToList();
        var stack = types.Where(t => t is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword)).Cast<ClassDeclarationSyntax>().ToList();
        var declared = types.Select(t => t.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        if (program.Count != 1 || settings.Count != 1 || stack.Count != 2 || stack.Select(s => s.Identifier.ValueText).Distinct().Count() != 1
            || types.Count != 4 || types.Any(t => t is not ClassDeclarationSyntax || t.Parent is not FileScopedNamespaceDeclarationSyntax))
        {
            problems.Add("the declared types must be Program, PlanSettings and one partial stack class: "
                + string.Join(", ", types.Select(t => $"{t.Kind()} {t.Identifier.ValueText}")));
            return problems;
        }

        // Program: Main only, constructing the stack class.
        var programMembers = ((ClassDeclarationSyntax)program[0]).Members;
        // (and SetUnlessGiven, which silences the Node version banners unless the user set those variables)
        if (programMembers is not [MethodDeclarationSyntax { Identifier.ValueText: "Main", ParameterList.Parameters.Count: 0 }]
            and not [MethodDeclarationSyntax { Identifier.ValueText: "Main", ParameterList.Parameters.Count: 0 },
                MethodDeclarationSyntax { Identifier.ValueText: "SetUnlessGiven", ParameterList.Parameters.Count: 2 }])
        {
            problems.Add("Program must declare exactly Main(): " + string.Join(", ", programMembers.Select(Describe)));
        }

        // PlanSettings: fixed members, plus string properties with a getter only, one per variable at most.
        var settingsMembers = ((ClassDeclarationSyntax)settings[0]).Members;
        var settingProperties = 0;
        foreach (var member in settingsMembers)
        {
            var ok = member switch
            {
                ConstructorDeclarationSyntax c => c.ParameterList.Parameters.Count == 1,
                FieldDeclarationSyntax f => f.Declaration.Variables.Count == 1
                    && f.Declaration.Variables[0].Identifier.ValueText is "_node" or "_environmentValues" or "DefaultEnvironment" or "_unknownEnvironment",
                MethodDeclarationSyntax m => SettingsMethods.Contains(m.Identifier.ValueText),
                PropertyDeclarationSyntax p => p.Type.ToString() is "string" or "string?" && p.Initializer is null && p.ExpressionBody is null
                    && p.AccessorList is { Accessors: [{ Keyword.ValueText: "get", Body: null, ExpressionBody: null }] },
                _ => false,
            };
            if (!ok)
            {
                problems.Add("PlanSettings declares an unexpected member: " + Describe(member));
            }
            if (member is PropertyDeclarationSyntax)
            {
                settingProperties++;
            }
        }
        if (settingProperties > plan.Variables.Count + 1)
        {
            problems.Add($"PlanSettings has {settingProperties - 1} value properties for {plan.Variables.Count} variables");
        }

        // The stack: fixed members, plus construct properties whose counts follow from the plan's resources.
        var stackMembers = stack.SelectMany(s => s.Members).ToList();
        var properties = new List<PropertyDeclarationSyntax>();
        var methods = new List<string>();
        foreach (var member in stackMembers)
        {
            switch (member)
            {
                case ConstructorDeclarationSyntax c when c.ParameterList.Parameters.Count == 3:
                    break;
                case FieldDeclarationSyntax f when f.Declaration.Variables is [{ Identifier.ValueText: "SourcePlan" }] && f.Modifiers.Any(SyntaxKind.ConstKeyword):
                    break;
                // The security review's state: the access-log bucket made on first use, the acknowledgements per resource.
                case FieldDeclarationSyntax f when f.Declaration.Variables is [{ Identifier.ValueText: "_accessLogs", Initializer: null }] && f.Declaration.Type.ToString() == "S3::Bucket?":
                    break;
                case FieldDeclarationSyntax f when f.Declaration.Variables is [{ Identifier.ValueText: "_acknowledged" }] && f.Declaration.Type.ToString() == "Dictionary<Cdk::CfnResource, List<object>>":
                    break;
                case PropertyDeclarationSyntax p when p.Identifier.ValueText == "FiveMinutes" && p.Type.ToString() == "CloudWatch::MetricOptions":
                    break;
                case PropertyDeclarationSyntax p when p.Identifier.ValueText == "Settings" && p.Type.ToString() == "PlanSettings":
                    break;
                case PropertyDeclarationSyntax p when PropertyTypes.Contains(p.Type.ToString()) && p.ExpressionBody is null
                    && p.Initializer?.Value.ToString() == "null!"
                    && p.AccessorList is { Accessors: [{ Keyword.ValueText: "get", Body: null, ExpressionBody: null }, { Keyword.ValueText: "set", Body: null, ExpressionBody: null }] }:
                    properties.Add(p);
                    break;
                case MethodDeclarationSyntax m:
                    methods.Add(m.Identifier.ValueText);
                    break;
                default:
                    problems.Add("the stack declares an unexpected member: " + Describe(member));
                    break;
            }
        }
        // A state machine a function it runs gets the ARN of is named ahead (StackPlanner.Cycles): two helpers more.
        var expectedMethods = plan.Resources.Any(r => r.Kind == ResourceKind.StateMachine) && methods.Contains("PhysicalName")
            ? [.. StackMethods, "PhysicalName", "StateMachineArnOf"]
            : StackMethods;
        if (!methods.Order(StringComparer.Ordinal).SequenceEqual(expectedMethods.Order(StringComparer.Ordinal)))
        {
            problems.Add("the stack's methods must be " + string.Join(", ", expectedMethods) + ", not " + string.Join(", ", methods));
        }

        int Count(ResourceKind kind) => plan.Resources.Count(r => r.Kind == kind);
        int Declared(string type) => properties.Count(p => p.Type.ToString() == type);
        void Exactly(string type, int expected)
        {
            if (Declared(type) != expected)
            {
                problems.Add($"{Declared(type)} properties of type {type}, the plan asks for {expected}");
            }
        }
        void AtMost(string type, int max)
        {
            if (Declared(type) > max)
            {
                problems.Add($"{Declared(type)} properties of type {type}, the plan allows at most {max}");
            }
        }
        var containers = Count(ResourceKind.FargateService) + Count(ResourceKind.FargateTask);
        Exactly("Lambda::Function", Count(ResourceKind.LambdaFunction));
        Exactly("S3::Bucket", Count(ResourceKind.S3Bucket));
        Exactly("Dynamo::Table", Count(ResourceKind.DynamoDbTable));
        Exactly("Sns::Topic", Count(ResourceKind.SnsTopic));
        Exactly("Sfn::StateMachine", Count(ResourceKind.StateMachine));
        Exactly("Rds::DatabaseInstance", Count(ResourceKind.RdsInstance));
        Exactly("Rds::DatabaseCluster", Count(ResourceKind.AuroraCluster));
        Exactly("Sqs::Queue", Count(ResourceKind.SqsQueue) + plan.Resources.Count(r => r.Kind == ResourceKind.SqsQueue && r.DeadLetterQueue));
        Exactly("Ecs::FargateTaskDefinition", containers);
        Exactly("Ecs::ContainerDefinition", containers);
        Exactly("Ec2::SecurityGroup", containers);
        Exactly("Ecs::FargateService", Count(ResourceKind.FargateService));
        Exactly("Ecs::Cluster", containers > 0 ? 1 : 0);
        Exactly("Ec2::Vpc", containers + Count(ResourceKind.RdsInstance) + Count(ResourceKind.AuroraCluster) > 0 ? 1 : 0);
        Exactly("HttpApis::HttpApi", Count(ResourceKind.HttpApi));
        Exactly("RestApis::RestApi", Count(ResourceKind.RestApi));
        AtMost("CloudWatch::Alarm", Count(ResourceKind.CloudWatchAlarm));
        var ownSchedules = plan.Resources.Count(r => r.Kind is ResourceKind.LambdaFunction or ResourceKind.FargateTask && r.Schedule is not null);
        if (Declared("Events::Rule") < Count(ResourceKind.EventBridgeRule) || Declared("Events::Rule") > Count(ResourceKind.EventBridgeRule) + ownSchedules)
        {
            problems.Add($"{Declared("Events::Rule")} rules for {Count(ResourceKind.EventBridgeRule)} planned rules and {ownSchedules} scheduled computes");
        }
        // A secret named once per environment is one secret of the stack, and a name a per-environment table lists is
        // that secret wherever else it appears (a row without an environment too); a name two groups claim is the later one's.
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var logical in plan.Secrets.Where(s => !string.IsNullOrWhiteSpace(s.Environment))
            .Select(s => (s.Name, Logical: ArchPlan.Generation.Planning.StackPlanner.WithoutEnvironment(s.Name, s.Environment!)))
            .GroupBy(x => x.Logical, StringComparer.Ordinal))
        {
            foreach (var (name, _) in logical)
            {
                groupOf[name] = logical.Key;
            }
        }
        var secretNames = plan.Secrets.Select(s => groupOf.GetValueOrDefault(s.Name) ?? s.Name).Distinct(StringComparer.Ordinal).Count();
        var secretReferences = plan.Variables.Count(v => v.Value.Kind == ValueKind.FromSecret || v.PerEnvironment.Any(p => p.Value.Kind == ValueKind.FromSecret));
        if (Declared("Secrets::ISecret") < secretNames || Declared("Secrets::ISecret") > secretNames + secretReferences)
        {
            problems.Add($"{Declared("Secrets::ISecret")} secret properties for {secretNames} planned secrets and {secretReferences} secret references");
        }

        // Identifiers: template vocabulary, CDK constants and grants, or names this app declares.
        var own = new HashSet<string>(declared, StringComparer.Ordinal);
        own.UnionWith(stackMembers.OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.ValueText));
        own.UnionWith(settingsMembers.OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.ValueText));
        own.UnionWith(((FileScopedNamespaceDeclarationSyntax)namespaces[0]).Name.ToString().Split('.'));
        // A role seen as imported, for grants that would close a circle (StackPlanner.Cycles): a local the app declares.
        own.UnionWith(roots.SelectMany(r => r.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            .Where(v => v.Initializer?.Value.ToString().StartsWith("Iam::Role.FromRoleArn(", StringComparison.Ordinal) == true)
            .Select(v => v.Identifier.ValueText));
        foreach (var root in roots)
        {
            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
            {
                var name = token.ValueText;
                if (!own.Contains(name) && !TemplateVocabulary.Value.Contains(name) && !GrantOrConstantPattern().IsMatch(name))
                {
                    problems.Add($"{root.SyntaxTree.FilePath}: identifier '{Show(name)}' is neither template vocabulary nor declared by the app (line: '{Show(LineOf(token))}')");
                }
            }
        }
        return problems;
    }

    private static string Describe(MemberDeclarationSyntax member)
    {
        var text = member.ToString();
        var firstLine = text.Split('\n')[0];
        return Show(firstLine.Length > 120 ? firstLine[..120] : firstLine);
    }
}
