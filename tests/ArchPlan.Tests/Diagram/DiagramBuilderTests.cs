using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diagram;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Diagram;

/// <summary>The diagram of real synthesized templates: what is drawn, what is left out, and the edges between them.</summary>
public sealed class DiagramBuilderTests
{
    /// <summary>The app ArchPlan generates for samples/payments-api.md, synthesized by the real CDK CLI (manifest and template kept).</summary>
    internal static string PaymentsCdkOut => Path.Combine(RepoPaths.TestFiles, "diagram", "payments", "cdk.out");

    private static DiagramModel Payments(Plan? plan = null)
    {
        var infra = InfrastructureReader.Read(PaymentsCdkOut, null);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        var result = DiagramBuilder.Build(infra.Value!, plan);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity > Severity.Info);
        return result.Value!;
    }

    private static DiagramNode Node(DiagramModel model, string name) =>
        Assert.Single(model.Nodes, n => n.Name == name);

    private static string Edge(DiagramModel model, string from, string to) =>
        Assert.Single(model.Edges, e => e.From == Node(model, from).Id && e.To == Node(model, to).Id).Label;

    [Fact]
    public void Draws_every_resource_of_the_generated_payments_app_in_the_plans_names_and_no_plumbing()
    {
        var plan = PlanReader.Read(RepoPaths.Sample("payments-api.md")).Value!;

        var model = Payments(plan);

        Assert.Equal(DiagramCategory.Api, Node(model, "payments-api").Category);
        Assert.Equal("API Gateway HTTP API", Node(model, "payments-api").Kind);
        Assert.Equal("Lambda function", Node(model, "payments-handler").Kind);
        Assert.Equal("Fargate service", Node(model, "payments-worker").Kind);
        Assert.Equal("Fargate task", Node(model, "payments-reconciliation").Kind);
        Assert.Equal(DiagramCategory.Compute, Node(model, "payment-settlement").Category);
        Assert.Equal(DiagramCategory.DataStore, Node(model, "payments").Category);
        Assert.Equal(DiagramCategory.DataStore, Node(model, "payments-receipts").Category);
        Assert.Equal(DiagramCategory.Queue, Node(model, "payment-events").Category);
        Assert.Equal(DiagramCategory.Secret, Node(model, "payments/stripe/api-key").Category);
        Assert.Equal(DiagramCategory.Secret, Node(model, "payments/stripe/webhook-signing-key").Category);
        Assert.Contains(model.Nodes, n => n.Category == DiagramCategory.Schedule && n.Kind == "EventBridge rule, rate(5 minutes)");

        // Roles, policies, the VPC, the cluster, log groups, the bucket's key, and the worker's task definition (drawn as its service).
        Assert.DoesNotContain(model.Nodes, n => n.Kind.StartsWith("AWS::", StringComparison.Ordinal));
        Assert.Single(model.Nodes, n => n.Kind == "Fargate task");
        Assert.Equal(model.Nodes.Count, model.Nodes.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void Reads_triggers_targets_integrations_and_grants_with_their_direction()
    {
        var model = Payments(PlanReader.Read(RepoPaths.Sample("payments-api.md")).Value!);
        var schedule = Assert.Single(model.Nodes, n => n.Category == DiagramCategory.Schedule);

        Assert.Equal("invokes", Edge(model, "payments-api", "payments-handler"));
        Assert.Equal("reads/writes, env PAYMENTS_TABLE", Edge(model, "payments-handler", "payments"));
        Assert.Equal("sends, env EVENTS_QUEUE_URL", Edge(model, "payments-handler", "payment-events"));
        Assert.Equal("reads, env STRIPE_WEBHOOK_SIGNING_KEY_SECRET_ARN", Edge(model, "payments-handler", "payments/stripe/webhook-signing-key"));
        Assert.Equal("consumes, env EVENTS_QUEUE_URL", Edge(model, "payments-worker", "payment-events"));
        Assert.Equal("starts, env SETTLEMENT_STATE_MACHINE_ARN", Edge(model, "payments-worker", "payment-settlement"));
        Assert.Equal("reads/writes, env RECEIPTS_BUCKET", Edge(model, "payments-worker", "payments-receipts"));
        Assert.Equal("reads, env STRIPE_API_KEY", Edge(model, "payments-worker", "payments/stripe/api-key"));
        Assert.Equal("reads/writes, env PAYMENTS_TABLE", Edge(model, "payments-reconciliation", "payments"));
        Assert.Equal("starts", Assert.Single(model.Edges, e => e.From == schedule.Id).Label);
        Assert.Equal(Node(model, "payments-reconciliation").Id, Assert.Single(model.Edges, e => e.From == schedule.Id).To);
    }

    [Fact]
    public void Gives_the_same_bytes_every_time_sorted_with_ids_from_logical_ids()
    {
        var first = MermaidWriter.Write(Payments());
        var second = MermaidWriter.Write(Payments());

        Assert.Equal(first, second);
        Assert.StartsWith("flowchart LR\n", first, StringComparison.Ordinal);
        Assert.Contains("  fn_PaymentsHandlerFunction[\"PaymentsHandlerFunction<br/>Lambda function\"]", first, StringComparison.Ordinal);
        var model = Payments();
        Assert.Equal(model.Edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal), model.Edges);
    }

    [Fact]
    public void Reads_event_rules_alarms_and_queue_mappings_of_other_templates()
    {
        var leaderboard = DiagramBuilder.Build(InfrastructureReader.Read(Path.Combine(RepoPaths.TestFiles, "infra", "synthesized", "cdk.out"), null).Value!).Value!;
        var rule = Assert.Single(leaderboard.Nodes, n => n.Category == DiagramCategory.Schedule);
        Assert.Contains(leaderboard.Edges, e => e.From == rule.Id && e.Label == "triggers"
            && leaderboard.Nodes.Single(n => n.Id == e.To).Kind == "Lambda function");
        var alarm = Assert.Single(leaderboard.Nodes, n => n.Category == DiagramCategory.Alarm);
        Assert.Contains(leaderboard.Edges, e => e.From == alarm.Id && e.Label.Contains("watches", StringComparison.Ordinal));

        var orders = InfrastructureReader.Read(Path.Combine(RepoPaths.TestFiles, "infra", "orders", "cdk.out"), null).Value!;
        var all = DiagramBuilder.Build(orders).Value!;
        var queueTrigger = all.Edges.Where(e => e.Label.StartsWith("triggers", StringComparison.Ordinal)
            && all.Nodes.Single(n => n.Id == e.From).Category == DiagramCategory.Queue).ToList();
        Assert.Equal(2, queueTrigger.Count);
        // A queue that triggers a function is not drawn again as what the function consumes.
        Assert.DoesNotContain(all.Edges, e => queueTrigger.Any(t => t.From == e.To && t.To == e.From) && e.Label.Contains("consumes", StringComparison.Ordinal));
        Assert.Contains(all.Stacks, s => s.Title == "OrdersStack-dev");
        Assert.Contains(all.Stacks, s => s.Title == "OrdersStack-prod");

        var prod = DiagramBuilder.Build(orders, environment: "prod").Value!;
        Assert.DoesNotContain(prod.Stacks, s => s.Title == "OrdersStack-dev");
        Assert.Contains(prod.Stacks, s => s.Title == "OrdersStack-prod");
        Assert.Single(prod.Edges, e => queueTrigger.Count > 0 && e.Label.StartsWith("triggers", StringComparison.Ordinal)
            && prod.Nodes.Single(n => n.Id == e.From).Category == DiagramCategory.Queue);
    }

    [Theory]
    [InlineData("infra/leaderboard.template.json")]
    [InlineData("infra/yaml/leaderboard.template.yaml")]
    [InlineData("infra/assembly/cdk.out")]
    [InlineData("infra/csharp-app")]
    [InlineData("infra/generated-app")]
    [InlineData("infra/orders/cdk.out")]
    [InlineData("infra/orders/bare/cdk.out")]
    [InlineData("infra/orders/app")]
    [InlineData("diagram/payments/cdk.out")]
    public void Every_node_is_written_once_and_every_edge_joins_two_written_nodes(string input)
    {
        var infra = InfrastructureReader.Read(Path.Combine(RepoPaths.TestFiles, input), null).Value!;

        var model = DiagramBuilder.Build(infra).Value!;
        var text = MermaidWriter.Write(model);

        Assert.NotEmpty(model.Nodes);
        var written = text.Split('\n').Where(l => l.Contains("<br/>", StringComparison.Ordinal)).Select(l => l.Trim().Split('[', '(', '{', '>')[0]).ToList();
        Assert.Equal(model.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        Assert.All(model.Edges, e => Assert.True(written.Contains(e.From) && written.Contains(e.To), $"{e.From} -> {e.To}"));
        Assert.Equal(model.Stacks.Count, text.Split('\n').Count(l => l.TrimStart().StartsWith("subgraph ", StringComparison.Ordinal)));
        Assert.Equal(model.Stacks.Count, model.Stacks.Select(s => s.Id).Distinct().Count());
        Assert.All(model.Stacks, s => Assert.Contains(model.Nodes, n => n.Stack == s.Id));
    }

    [Fact]
    public void Labels_escape_quotes_brackets_and_pipes_drop_control_characters_and_withhold_credentials()
    {
        var location = new InfraLocation(new SourceLocation("t.json", 3, 1), "Odd", null);
        var infra = new InfraModel
        {
            Path = "t.json",
            SourceKind = InfraSourceKind.TemplateJson,
            Resources = new[]
            {
                new InfraResource { LogicalId = "Odd", Type = "AWS::SQS::Queue", Kind = ResourceKind.SqsQueue, Role = InfraRole.Primary,
                    PhysicalName = "a \"b\" [c] |d| {e} <f> `g` #h %i\u001b[31m\u202Ej", Location = location },
                new InfraResource { LogicalId = "Leaky", Type = "AWS::SNS::Topic", Kind = ResourceKind.SnsTopic, Role = InfraRole.Primary,
                    PhysicalName = "AKIAZ7QW3RT5YU2IOJPL", Location = location with { LogicalId = "Leaky" } },
                new InfraResource { LogicalId = "Fn", Type = "AWS::Lambda::Function", Kind = ResourceKind.LambdaFunction, Role = InfraRole.Primary,
                    PhysicalName = "worker", Location = location with { LogicalId = "Fn" } },
            }.ToEquatableArray(),
            Compute = new[]
            {
                new ComputeResource { LogicalId = "Fn", Kind = ResourceKind.LambdaFunction, Location = location with { LogicalId = "Fn" },
                    Environment = new[] { new InfraVariable("AKIAZ7QW3RT5YU2IOJPM", new InfraValue(InfraValueKind.Reference, "${Odd}", ResourceId: "Odd"), location) }.ToEquatableArray() },
            }.ToEquatableArray(),
        };

        var result = DiagramBuilder.Build(infra);
        var text = MermaidWriter.Write(result.Value!);

        Assert.Contains("queue_Odd[/\"a #quot;b#quot; #91;c#93; #124;d#124; #123;e#125; #lt;f#gt; #96;g#96; #35;h #37;i#91;31mj<br/>SQS queue\"/]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAZ7QW3RT5YU2IOJPL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAZ7QW3RT5YU2IOJPM", text, StringComparison.Ordinal);
        Assert.Contains("fn_Fn -->|\"env (name withheld)\"| queue_Odd", text, StringComparison.Ordinal);
        Assert.Contains("(name withheld)", text, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.DiagramNameWithheld && !d.Message.Contains("AKIA", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u202E', text);
    }

    [Fact]
    public void Reading_grants_splits_reads_from_writes_and_keeps_the_specific_kinds()
    {
        Assert.Equal([InfraEdgeKind.Reads], TemplateAnalyzerAccess(["s3:GetObject*", "s3:GetBucket*", "s3:List*"]));
        Assert.Equal([InfraEdgeKind.Writes], TemplateAnalyzerAccess(["s3:DeleteObject*", "s3:PutObject", "s3:Abort*"]));
        Assert.Equal([InfraEdgeKind.Reads, InfraEdgeKind.Writes], TemplateAnalyzerAccess(["dynamodb:GetItem", "dynamodb:PutItem"]));
        Assert.Equal([InfraEdgeKind.Sends], TemplateAnalyzerAccess(["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]));
        Assert.Equal([InfraEdgeKind.Publishes], TemplateAnalyzerAccess(["sns:Publish"]));
        Assert.Empty(TemplateAnalyzerAccess(["kms:Decrypt", "iam:PassRole"]));
    }

    private static List<InfraEdgeKind> TemplateAnalyzerAccess(string[] actions) => TemplateAnalyzer.AccessKinds(actions);
}
