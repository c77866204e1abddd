using System.Collections.Immutable;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Model;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// Random plans with hostile names and values: whatever the generator accepts must compile against Amazon.CDK.Lib
/// (in memory, with Roslyn) and must not declare anything the plan text tried to inject. Every hostile payload
/// carries the marker identifier <c>Pwned</c>; it may appear only inside string literals or comments.
/// Runs 300 plans (each compiled); ARCHPLAN_PROPERTY_ITERATIONS raises it.
/// </summary>
public sealed class GeneratedCodePropertyTests
{
    private static readonly long Iterations = Math.Max(300, ReaderPropertyTests.Iterations / 30);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(Amazon.CDK.App).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Constructs.Construct).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location),
    ]);

    private static readonly string[] Payloads =
    [
        "\"); Pwned(); //", "*/ public int Pwned; /*", "\u2028public int Pwned;", "\u0085 static void Pwned() {}", "\u2029class Pwned {}",
        "{{ Pwned }}", "{% Pwned %}", "\\", "\\\"", "\r\nint Pwned;", "\u202Epwned", "\u200B", "é日本🙂", "<Pwned/>", "#if Pwned", "@Pwned", "$\"{Pwned}\"",
    ];

    private static readonly Gen<string> Hostile = Gen.Select(Gen.Int[0, Payloads.Length - 1], Gen.String[Gen.Char['a', 'z'], 0, 6], (i, s) => s + Payloads[i]);

    private static readonly Gen<string> Name = Gen.OneOf(
        Hostile,
        Gen.String[Gen.Char['a', 'z'], 1, 8],
        Gen.Int[0, 5].Select(i => new[] { "class", "1st", "db-host", "DB_HOST", "DbHost", "namespace" }[i]));

    private static readonly ResourceKind[] Kinds =
    [
        ResourceKind.LambdaFunction, ResourceKind.FargateService, ResourceKind.S3Bucket, ResourceKind.DynamoDbTable,
        ResourceKind.SqsQueue, ResourceKind.SnsTopic, ResourceKind.StateMachine,
    ];

    private static readonly Gen<Plan> Plans =
        Gen.Select(
            Gen.Select(Gen.Int[0, Kinds.Length - 1], Name, Hostile, (k, n, t) => (Kind: Kinds[k], Name: n, Text: t)).Array[1, 4],
            Gen.Select(Name, Hostile, Hostile, Gen.Int[0, 2], (n, v, d, kind) => (Name: n, Value: v, Description: d, Kind: kind)).Array[0, 5],
            Gen.Select(Name, Hostile, (n, d) => (Name: n, Description: d)).Array[0, 2],
            (resources, variables, secrets) =>
            {
                var line = 1;
                SourceLocation Next() => new("plan.md", line++, 1);
                var secretNames = secrets.Select((s, i) => $"app/{i}/{s.Name}").ToList();
                return new Plan
                {
                    FilePath = "plan.md",
                    FrontMatter = new FrontMatter { IsPresent = true, Location = Next(), Fields = new[] { new FrontMatterField("title", "Plan " + Payloads[0], Next()) }.ToEquatableArray() },
                    Product = "app",
                    ProductOrigin = ProductOrigin.FrontMatter,
                    Resources = resources.Select(r => new PlannedResource { Kind = r.Kind, Name = r.Name, Text = r.Text, Location = Next(), Runtime = r.Kind == ResourceKind.LambdaFunction ? "python3.12" : null })
                        .ToEquatableArray(),
                    Variables = variables.Select(v => new EnvVariable
                    {
                        Name = v.Name,
                        Description = v.Description,
                        Value = v.Kind switch
                        {
                            0 => ValueSpec.Literal(v.Value),
                            1 when secretNames.Count > 0 => new ValueSpec(ValueKind.FromSecret, Secret: secretNames[0]),
                            _ => ValueSpec.None,
                        },
                        Location = Next(),
                    }).ToEquatableArray(),
                    Secrets = secrets.Select((s, i) => new PlannedSecret { Name = secretNames[i], Description = s.Description, Location = Next() }).ToEquatableArray(),
                };
            });

    /// <summary>
    /// What each payload would become if plan text escaped its literal or comment: a call to Pwned(), an int field,
    /// a method or class named Pwned, a preprocessor directive. Names the generator derives from plan words
    /// (PlanPwnedStack, a Bucket property named Pwned) are legitimate and do not match.
    /// </summary>
    private static bool IsInjected(SyntaxNode node) => node switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call => call.Expression.ToString() == "Pwned",
        Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax field => field.Declaration.Type.ToString() == "int" && field.Declaration.Variables.Any(v => v.Identifier.ValueText == "Pwned"),
        Microsoft.CodeAnalysis.CSharp.Syntax.LocalDeclarationStatementSyntax local => local.Declaration.Variables.Any(v => v.Identifier.ValueText == "Pwned"),
        Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => method.Identifier.ValueText == "Pwned",
        Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax type => type.Identifier.ValueText == "Pwned",
        Microsoft.CodeAnalysis.CSharp.Syntax.DirectiveTriviaSyntax directive => directive.ToString().Contains("Pwned", StringComparison.Ordinal),
        _ => false,
    };

    [Fact]
    public void Accepted_plans_generate_code_that_compiles_and_declares_nothing_injected()
    {
        var compiled = 0;
        Plans.Sample(plan =>
        {
            var result = CdkAppGenerator.Generate(plan, new GeneratorOptions());
            if (result.Value.IsDefault || result.HasErrors)
            {
                return true; // refused with a diagnostic: nothing to compile
            }
            var trees = result.Value
                .Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
                .Select(f => CSharpSyntaxTree.ParseText(f.Content, new CSharpParseOptions(LanguageVersion.Latest), f.RelativePath))
                .ToList();
            var injected = trees.SelectMany(t => t.GetRoot().DescendantNodesAndSelf(descendIntoTrivia: true))
                .Where(IsInjected)
                .Select(node => $"{node.SyntaxTree.FilePath}: {node}")
                .ToList();
            Assert.True(injected.Count == 0, "plan text became code: " + string.Join(", ", injected));

            var compilation = CSharpCompilation.Create("Generated", trees, References.Value,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            compiled++;
            return true;
        }, iter: Iterations, threads: 1);

        // Most random plans must get through the generator, or this test proves nothing.
        Assert.True(compiled > Iterations / 2, $"only {compiled} of {Iterations} plans were generated and compiled");
    }
}
