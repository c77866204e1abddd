using ArchPlan.Common;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Generation;

/// <summary>
/// The generator's choices on plans written the way people write them, judged by what it tells the user (every choice
/// is a diagnostic at the plan line) and by what it writes for the user to read (README, cdk.json, the scaffold file).
/// What the choices do in CloudFormation is asserted on a synthesized app in <see cref="StatedAttributesSynthTests"/>.
/// </summary>
public sealed class GenerationDecisionTests
{
    private static string Plan(string resources, string configuration = "") => $"""
        ---
        title: Shop
        product: shop
        ---

        # Shop

        ## Infrastructure

        ### AWS Resources

        {resources}

        ## Configuration

        {configuration}
        """;

    private static (List<string> Diagnostics, Dictionary<string, string> Files) Generate(string text)
    {
        var plan = PlanReader.Parse(text, "plan.md").Value!;
        var result = GenerationTestHelpers.Generate(plan);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var files = result.Value.ToDictionary(f => f.RelativePath[(f.RelativePath.IndexOf("/cdk/", StringComparison.Ordinal) + 5)..], f => f.Content);
        return ([.. result.Diagnostics.Select(d => d.ToString())], files);
    }

    private const string Secrets = """
        ### Secrets

        | Secret Name | Description | Format |
        | --- | --- | --- |
        | `shop/stripe` | Card processor key, used by `checkout` | Plain string |
        | `shop/mailer` | Mail relay login | JSON: {username, password} |
        """;

    [Fact]
    public void A_secret_no_variable_names_reaches_the_compute_its_description_names_and_otherwise_every_compute()
    {
        var (diagnostics, _) = Generate(Plan("- **Lambda** `checkout` — Python 3.12\n- **Lambda** `refunds` — Python 3.12", Secrets));
        Assert.Contains(diagnostics, d => d.Contains("AP3052: Secret 'shop/stripe' reaches checkout as variable STRIPE_SECRET_ARN", StringComparison.Ordinal)
            && d.Contains("its description names them", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("AP3052: Secret 'shop/mailer' reaches checkout, refunds as variable MAILER_SECRET_ARN", StringComparison.Ordinal)
            && d.Contains("the plan does not say which compute reads it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_a_variable_names_is_wired_through_that_variable_only()
    {
        var (diagnostics, _) = Generate(Plan("- **Lambda** `checkout` — Python 3.12", Secrets + """

            ### Environment Variables

            | Variable | Description | Example | Required |
            | --- | --- | --- | --- |
            | `STRIPE_KEY` | Card processor key | from shop/stripe | Yes |
            """));
        Assert.Contains(diagnostics, d => d.Contains("AP3036: STRIPE_KEY comes from secret 'shop/stripe'", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Contains("AP3052: Secret 'shop/stripe'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_the_plan_does_not_create_is_a_required_context_value_seeded_empty()
    {
        var (diagnostics, files) = Generate(Plan("- **Lambda** `api` — Python 3.12", """
            ### Environment Variables

            | Variable | Description | Example | Required |
            | --- | --- | --- | --- |
            | `POSTGRES_HOST` | Shared database | _(from RDS)_ | Yes |
            """));
        Assert.Contains(diagnostics, d => d.Contains("warning AP3045: POSTGRES_HOST comes from 'RDS'", StringComparison.Ordinal));
        Assert.Contains("\"POSTGRES_HOST\": \"\"", files["cdk.json"], StringComparison.Ordinal);
        Assert.Contains("POSTGRES_HOST", files["README.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void Access_without_a_stated_direction_is_the_kinds_default_and_said_so()
    {
        var (diagnostics, _) = Generate(Plan("- **Lambda** `api` — Python 3.12\n- **SQS Queue** `jobs`\n- **S3 Bucket** `files`", """
            ### Environment Variables

            | Variable | Description | Example | Required |
            | --- | --- | --- | --- |
            | `JOBS_QUEUE_URL` | Jobs | _(from SQS queue)_ | Yes |
            | `FILES_BUCKET` | Files | _(from S3 bucket)_ | Yes |
            """));
        Assert.Contains(diagnostics, d => d.Contains("AP3044: 'api' gets send access to the queue", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("AP3044: 'api' gets read/write access to the bucket", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stated_direction_is_not_reported_as_a_default()
    {
        var (diagnostics, _) = Generate(Plan("- **Lambda** `api` — Python 3.12; reads from `files`\n- **S3 Bucket** `files`", """
            ### Environment Variables

            | Variable | Description | Example | Required |
            | --- | --- | --- | --- |
            | `FILES_BUCKET` | Files | _(from S3 bucket)_ | Yes |
            """));
        Assert.DoesNotContain(diagnostics, d => d.Contains("AP3044", StringComparison.Ordinal));
    }

    [Fact]
    public void What_is_not_generated_is_listed_in_the_readme_and_the_scaffold_and_reported_at_its_line()
    {
        var (diagnostics, files) = Generate(Plan("- **S3 Bucket** `docs` — versioned, replicated to eu-west-2"));
        Assert.Contains(diagnostics, d => d.Contains("plan.md(12,1): info AP3043: 'docs': not generated from the plan: \"replicated to eu-west-2\"", StringComparison.Ordinal));
        Assert.Contains("| docs | 12 | replicated to eu-west-2 | no property of the construct says this |", files["README.md"], StringComparison.Ordinal);
        var scaffold = files.Single(f => f.Key.EndsWith("Stack.cs", StringComparison.Ordinal) && !f.Key.EndsWith(".g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("// - docs (plan line 12, DocsBucket): \"replicated to eu-west-2\"", scaffold, StringComparison.Ordinal);
    }

    [Fact]
    public void Unstated_keys_and_receive_counts_are_defaults_the_user_is_told_about()
    {
        var (diagnostics, files) = Generate(Plan("- **DynamoDB Table** `carts`\n- **SQS Queue** `jobs` — with a dead-letter queue"));
        Assert.Contains(diagnostics, d => d.Contains("AP3041: The partition key of 'carts' is not stated in the plan", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("AP3041: The number of receives before a message moves to the dead-letter queue of 'jobs' is not stated in the plan; 3 is used", StringComparison.Ordinal));
        Assert.Contains("Keys cannot change once deployed", files["README.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void Supporting_resources_the_stack_does_not_create_on_their_own_are_listed_with_the_reason()
    {
        var (diagnostics, files) = Generate(Plan("- **ECS Fargate Service** `web` — 0.5 vCPU / 1 GB\n- **VPC** `main` — three AZs\n- **ECR repository** `shop/web`"));
        Assert.Contains(diagnostics, d => d.Contains("AP3043: 'main'", StringComparison.Ordinal) && d.Contains("the stack creates the VPC", StringComparison.Ordinal));
        Assert.Contains("ECR repositories are referenced by name", files["README.md"], StringComparison.Ordinal);
    }
}

/// <summary>A secret the plan names once per environment is one secret of the stack, its name chosen per environment.</summary>
public sealed class PerEnvironmentSecretTests
{
    [Theory]
    [InlineData("shop/prod/stripe", "prod", "shop/stripe")]
    [InlineData("shop/stripe-prod", "prod", "shop/stripe")]
    [InlineData("prod/shop/stripe", "prod", "shop/stripe")]
    [InlineData("shop_dev_stripe", "dev", "shop_stripe")]
    [InlineData("shop/stripe", "prod", "shop/stripe")]
    [InlineData("prod", "prod", "prod")]
    public void The_environment_segment_is_taken_out_of_the_name(string name, string environment, string logical) =>
        Assert.Equal(logical, ArchPlan.Generation.Planning.StackPlanner.WithoutEnvironment(name, environment));

    [Fact]
    public void The_stack_imports_the_selected_environments_secret_and_passes_one_arn_variable()
    {
        var at = new ArchPlan.Diagnostics.SourceLocation("plan.md", 20, 1);
        var plan = new ArchPlan.Model.Plan
        {
            FilePath = "plan.md",
            FrontMatter = ArchPlan.Model.FrontMatter.Missing("plan.md"),
            Product = "shop",
            Resources = new[] { new ArchPlan.Model.PlannedResource { Kind = ArchPlan.Model.ResourceKind.LambdaFunction, Name = "api", Text = "Lambda `api` — Python 3.12", Location = at } }.ToEquatableArray(),
            Secrets = new[]
            {
                new ArchPlan.Model.PlannedSecret { Name = "shop/dev/stripe", Environment = "dev", Location = at with { Line = 30 } },
                new ArchPlan.Model.PlannedSecret { Name = "shop/prod/stripe", Environment = "prod", Location = at with { Line = 31 } },
            }.ToEquatableArray(),
        };
        var result = GenerationTestHelpers.Generate(plan);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var cdkJson = result.Value.Single(f => f.RelativePath.EndsWith("cdk.json", StringComparison.Ordinal)).Content;
        Assert.Contains("\"shop/stripe:name\": \"shop/dev/stripe\"", cdkJson, StringComparison.Ordinal);
        Assert.Contains("\"shop/stripe:name\": \"shop/prod/stripe\"", cdkJson, StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.Id == "AP3052" && d.Message.Contains("as variable STRIPE_SECRET_ARN", StringComparison.Ordinal));
        var stack = result.Value.Single(f => f.RelativePath.EndsWith("Stack.g.cs", StringComparison.Ordinal)).Content;
        Assert.Contains("settings.Required(\"shop/stripe:name\", perEnvironment: true)", stack, StringComparison.Ordinal);
        // The code compiles against Amazon.CDK.Lib and has the shape the plan asks for.
        ArchPlan.Tests.Hostile.GeneratedCodePropertyTests.AssertGeneratesExpectedCode(plan);
    }
}
