using System.Text.Json;
using System.Text.Json.Nodes;
using ArchPlan.Model;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Generation;

/// <summary>The apps <see cref="CdkAppFixture"/> puts into the test run's batch, with the CLI-generated sample folders.</summary>
public sealed record CdkAppEntries(IReadOnlyList<BatchEntry> Entries, IReadOnlyDictionary<string, string> CliSampleFolders);

/// <summary>
/// The sample apps, generated once per test run and synthesized as stages of the run's one CDK app
/// (<see cref="TestRunBatch"/>: one <c>dotnet build</c>, one synth with the real CDK CLI — the repository's
/// node_modules/.bin/cdk; its absence is a failure, not a reason to fall back). The gamehub app is synthesized three
/// times, as three stages with the context of dev, prod (with the -c values a deployer gives) and staging; staging
/// lacks a required value, so it is synthesized on its own and fails. Tests read the results.
/// </summary>
public sealed class CdkAppFixture
{
    private static readonly string[] CliSampleNames = ["leaderboard-snapshot", "notifications-per-env"];

    public CdkAppFixture()
    {
        var run = TestRunBatch.Get();
        var batch = run.Batch;
        BuiltApp App(string name, string directory) => new(name, directory, "", batch.Build, batch.BuildTime);
        SynthResult Synth(string id, string label) =>
            new(label, batch.SynthOf(id), batch.TemplateOf(id), batch.Member(id).Entry.Separate ? batch.SeparateSynthTime : batch.SynthTime) { OutDir = batch.AssemblyOf(id) };

        Gamehub = App("gamehub", batch.Root);
        Hostile = App("hostile", batch.Root);
        PropertySample = App("property-sample", batch.Root);
        PaymentsSample = App("payments", batch.Root);
        GamehubDev = Synth("GamehubDev", "dev");
        GamehubProd = Synth("GamehubProd", "prod");
        GamehubStaging = Synth("GamehubStaging", "staging");
        HostileDefault = Synth("Hostile", "default");
        PropertySampleDefault = Synth("PropertySample", "default");
        PaymentsSampleDefault = Synth("PaymentsSample", "default");
        TokenTextDefault = Synth("TokenText", "default");
        WorkflowCycleDefault = Synth("WorkflowCycle", "default");
        Invoicing = App("invoicing", batch.Root);
        InvoicingDefault = Synth("InvoicingDefault", "default");
        InvoicingWithoutExternal = Synth("InvoicingWithoutExternal", "no-external");
        foreach (var name in CliSampleNames)
        {
            var id = CliSampleId(name);
            CliSamples[name] = (App(name, run.CdkApps.CliSampleFolders[name]), Synth(id, "default"));
        }
        UsedCli = true;
    }

    /// <summary>
    /// The batch entries: the gamehub plan three times (dev; prod with the database secret's complete ARN and MAX_PLAYERS
    /// given as -c would; staging, alone), the hostile plan, the property sample, the payments sample read by the real
    /// plan reader, and two samples generated through <c>archplan generate</c> into <paramref name="root"/>. Each keeps
    /// exactly the context its app gives (nothing supplied), as the apps were synthesized on their own before.
    /// </summary>
    internal static CdkAppEntries Entries(string root)
    {
        BatchEntry Entry(string id, Plan plan) => new(id, plan, plan.FilePath) { SupplyMissingContext = false };
        var gamehub = SamplePlans.Gamehub();
        var read = ArchPlan.Reading.PlanReader.Read(InvoicingPlanPath, new ArchPlan.Reading.ReadOptions());
        var invoicing = read.Value ?? throw new InvalidOperationException(string.Join("\n", read.Diagnostics));
        var sample = ArchPlan.Reading.PlanReader.Read(Path.Combine(SampleGenerationTests.SamplesFolder(), "payments-api.md"), new ArchPlan.Reading.ReadOptions());
        var entries = new List<BatchEntry>
        {
            Entry("GamehubDev", gamehub),
            Entry("GamehubProd", gamehub) with
            {
                Context = new Dictionary<string, string>
                {
                    ["environment"] = "prod",
                    ["gamehub/db/credentials:arn"] = DbSecretArn,
                    ["MAX_PLAYERS"] = "128",
                },
            },
            Entry("GamehubStaging", gamehub) with { Context = new Dictionary<string, string> { ["environment"] = "staging" }, Separate = true },
            Entry("Hostile", SamplePlans.Hostile()),
            Entry("PropertySample", SamplePlans.PropertySample()),
            Entry("PaymentsSample", sample.Value ?? throw new InvalidOperationException(string.Join("\n", sample.Diagnostics))),
            Entry("InvoicingDefault", invoicing) with { Context = new Dictionary<string, string> { ["TAX_SERVICE_URL"] = "https://tax.example.com/v1" } },
            Entry("InvoicingWithoutExternal", invoicing) with { Separate = true },
            Entry("TokenText", TokenTextPlan()),
            Entry("WorkflowCycle", WorkflowCyclePlan()),
        };
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CliSampleNames)
        {
            var output = Path.Combine(root, "cli-" + name);
            var planPath = Path.Combine(SampleGenerationTests.SamplesFolder(), name + ".md");
            var generate = CliRunner.Run("generate", planPath, "--output", output);
            if (generate.ExitCode != 0)
            {
                throw new InvalidOperationException($"archplan generate {name} failed: {generate.Out}{generate.Error}");
            }
            var appDir = Path.Combine(Directory.EnumerateDirectories(Path.Combine(output, "apps")).Single(), "infra", "cdk");
            folders[name] = appDir;
            var plan = ArchPlan.Reading.PlanReader.Read(planPath).Value!;
            entries.Add(new BatchEntry(CliSampleId(name), plan, planPath, BatchEntry.FilesIn(appDir)) { SupplyMissingContext = false });
        }
        return new CdkAppEntries(entries, folders);
    }

    /// <summary>Plan values the AWS CDK would read as token references: one it knows (the region), one it does not.</summary>
    public static readonly IReadOnlyDictionary<string, string> TokenTexts = new Dictionary<string, string>
    {
        ["REGION_TEXT"] = "${Token[AWS.Region.6]}",
        ["BROKEN_TEXT"] = "before ${Token[TOKEN.123]} after ${HOME}",
    };

    private static Plan TokenTextPlan()
    {
        var rows = string.Join("\n", TokenTexts.Select(t => $"| `{t.Key}` | Literal text | `{t.Value}` | No |"));
        var text = ArchPlan.Tests.Tables.Plans.With(ArchPlan.Tests.Tables.Plans.Variables + "\n" + rows).Replace("product: orders", "product: token-text", StringComparison.Ordinal);
        var read = ArchPlan.Reading.PlanReader.Parse(text, "docs/plans/token-text.md");
        return read.Value ?? throw new InvalidOperationException(string.Join("\n", read.Diagnostics));
    }

    /// <summary>
    /// Resources that name each other: a function that starts the state machine that runs it and is given its ARN, and
    /// two functions that invoke each other. Granted and referenced the usual way, each would close a circle
    /// CloudFormation refuses.
    /// </summary>
    public const string WorkflowCycleText = """
        ---
        title: Document intake
        date: 2026-12-07
        status: active
        author: Rui Tanaka
        product: doc-intake
        ---

        # Document intake

        ## Infrastructure

        ### AWS Resources

        - **Lambda Function** `intake` (Python 3.13) — starts the `review-flow` state machine for each upload
        - **Step Functions** `review-flow` — runs `intake`, then `notify`
        - **Lambda Function** `notify` (Python 3.13) — invokes `escalate` when a review is late
        - **Lambda Function** `escalate` (Python 3.13) — invokes `notify` once the escalation is logged

        ## Configuration

        ### Environment Variables

        | Variable | Description | Example | Required |
        | --- | --- | --- | --- |
        | `LOG_LEVEL` | Log level | `info` | No |
        | `REVIEW_FLOW_ARN` | ARN of the `review-flow` state machine | _(from Step Functions)_ | Yes |
        """;

    private static Plan WorkflowCyclePlan()
    {
        var read = ArchPlan.Reading.PlanReader.Parse(WorkflowCycleText.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", "docs/plans/doc-intake.md");
        return read.Value ?? throw new InvalidOperationException(string.Join("\n", read.Diagnostics));
    }

    /// <summary>The app of <see cref="WorkflowCycleText"/>.</summary>
    public SynthResult WorkflowCycleDefault { get; }

    /// <summary>The app of <see cref="TokenTexts"/>, synthesized with the values from its cdk.json.</summary>
    public SynthResult TokenTextDefault { get; }

    private static string CliSampleId(string sample) => "Cli" + ArchPlan.Generation.Naming.Words.ToPascal(sample);

    /// <summary>Samples generated end to end through <c>archplan generate</c>, synthesized with their cdk.json context.</summary>
    public Dictionary<string, (BuiltApp App, SynthResult Synth)> CliSamples { get; } = [];

    /// <summary>A plan written the way people write them, stating attributes of every kind (TestFiles/generate/invoicing-plan.md).</summary>
    public static string InvoicingPlanPath => Path.Combine(Support.RepoPaths.TestFiles, "generate", "invoicing-plan.md");

    public BuiltApp Invoicing { get; }

    /// <summary>Synthesized with the value of the external resource the plan uses (TAX_SERVICE_URL).</summary>
    public SynthResult InvoicingDefault { get; }

    /// <summary>Synthesized without it: synth must fail naming the key.</summary>
    public SynthResult InvoicingWithoutExternal { get; }

    /// <summary>The shipped sample samples/payments-api.md, read by the real plan reader.</summary>
    public BuiltApp PaymentsSample { get; }

    public SynthResult PaymentsSampleDefault { get; }

    /// <summary>The complete ARN the prod synth supplies for the database secret.</summary>
    public const string DbSecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:gamehub/db/credentials-AbCdEf";

    /// <summary>The gamehub app; its build is the batch's (one build covers every app of the run).</summary>
    public BuiltApp Gamehub { get; }

    public BuiltApp Hostile { get; }

    public SynthResult GamehubDev { get; }

    public SynthResult GamehubProd { get; }

    /// <summary>Staging has no value for the required API_TOKEN, so this synth fails.</summary>
    public SynthResult GamehubStaging { get; }

    public SynthResult HostileDefault { get; }

    /// <summary>The property test's hostile values as literal variables of a function and a service (<see cref="SamplePlans.PropertySample"/>).</summary>
    public BuiltApp PropertySample { get; }

    public SynthResult PropertySampleDefault { get; }

    /// <summary>True when synth ran through the aws-cdk CLI rather than by running the app directly.</summary>
    public bool UsedCli { get; }
}

public sealed record BuiltApp(string Name, string Directory, string Dll, ProcessResult Build, TimeSpan BuildTime);

/// <summary>One synth: the process result and, when it succeeded, the stack's CloudFormation template.</summary>
public sealed record SynthResult(string Label, ProcessResult Run, JsonObject? Template, TimeSpan Time)
{
    /// <summary>The cloud assembly folder (cdk.out) the synth wrote.</summary>
    public string OutDir { get; init; } = "";

    public JsonObject Resources => (Template ?? throw new InvalidOperationException($"synth '{Label}' failed: {Run}"))["Resources"]!.AsObject();

    public IEnumerable<(string Id, JsonObject Resource)> OfType(string type) =>
        Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type).Select(r => (r.Key, r.Value!.AsObject()));

    /// <summary>The resource whose logical id starts with <paramref name="constructId"/> (CDK appends a hash).</summary>
    public JsonObject Resource(string type, string constructId) =>
        OfType(type).Single(r => r.Id.StartsWith(constructId, StringComparison.Ordinal) && r.Id.Length == constructId.Length + 8).Resource;

    public string LogicalId(string type, string constructId) =>
        OfType(type).Single(r => r.Id.StartsWith(constructId, StringComparison.Ordinal) && r.Id.Length == constructId.Length + 8).Id;

    public static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}

[CollectionDefinition(Name)]
public sealed class CdkAppsCollection : ICollectionFixture<CdkAppFixture>
{
    public const string Name = "Generated CDK apps";
}
