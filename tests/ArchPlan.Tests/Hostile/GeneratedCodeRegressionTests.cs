using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Model;

namespace ArchPlan.Tests.Hostile;

/// <summary>Plans the property test found wrong generated code for, minimised; each checked by the same oracle and compiled alone.</summary>
public sealed class GeneratedCodeRegressionTests
{
    private static SourceLocation At(int line) => new("plan.md", line, 1);

    private static Plan Plan(string product, string? title = null, PlannedResource[]? resources = null, EnvVariable[]? variables = null) => new()
    {
        FilePath = "plan.md",
        FrontMatter = new FrontMatter
        {
            IsPresent = true,
            Location = At(1),
            Fields = title is null ? EquatableArray<FrontMatterField>.Empty : new[] { new FrontMatterField("title", title, At(2)) }.ToEquatableArray(),
        },
        Product = product,
        ProductOrigin = ProductOrigin.FrontMatter,
        Resources = (resources ?? []).ToEquatableArray(),
        Variables = (variables ?? []).ToEquatableArray(),
    };

    private static PlannedResource Resource(ResourceKind kind, string name, int line, params ResourceLink[] links) => new()
    {
        Kind = kind,
        Name = name,
        Text = name,
        Location = At(line),
        Runtime = kind == ResourceKind.LambdaFunction ? "python3.12" : null,
        Links = links.ToEquatableArray(),
    };

    [Fact]
    public void An_API_that_fronts_no_function_is_neither_a_variable_source_nor_an_alarm_metric()
    {
        // Two functions and no "in front of": the API is not generated (AP3023), so nothing may name its member.
        var plan = Plan("shop", resources:
        [
            Resource(ResourceKind.LambdaFunction, "orders", 10),
            Resource(ResourceKind.LambdaFunction, "billing", 11),
            Resource(ResourceKind.HttpApi, "public-api", 12),
            Resource(ResourceKind.CloudWatchAlarm, "api-errors", 13, new ResourceLink(LinkKind.Uses, "public-api")),
        ], variables:
        [
            new EnvVariable { Name = "API_URL", Value = new ValueSpec(ValueKind.FromResource, "_(from public-api)_", Resource: "public-api"), Location = At(20) },
        ]);
        GeneratedCodePropertyTests.AssertGeneratesExpectedCode(plan);
    }

    [Theory]
    [InlineData("stack", null)]
    [InlineData("app", "Stack")]
    [InlineData("invalid-operation-exception", null)]
    [InlineData("culture-info", null)]
    public void Products_and_titles_named_like_types_the_templates_use_still_compile(string product, string? title) =>
        GeneratedCodePropertyTests.AssertGeneratesExpectedCode(Plan(product, title, [Resource(ResourceKind.LambdaFunction, "worker", 10)],
            [new EnvVariable { Name = "LOG_LEVEL", Value = ValueSpec.Literal("info"), Required = Requirement.Required, Location = At(20) }]));

    [Fact]
    public void A_variable_name_with_a_trailing_newline_is_no_valid_Lambda_name()
    {
        // .NET's '$' matches before a final newline: "DB_HOST\n" passed the Lambda name check and became a key.
        var plan = Plan("shop", resources: [Resource(ResourceKind.LambdaFunction, "orders", 10)],
            variables: [new EnvVariable { Name = "DB_HOST\n", Value = ValueSpec.Literal("db"), Location = At(20) }]);
        var result = CdkAppGenerator.Generate(plan, new GeneratorOptions());
        Assert.Contains(result.Diagnostics, d => d.Id == "AP3016" && d.Location.Line == 20);
        Assert.DoesNotContain(result.Value, f => f.Content.Contains("SetVariable(OrdersFunction", StringComparison.Ordinal));
        GeneratedCodePropertyTests.AssertGeneratesExpectedCode(plan);
    }

    [Fact]
    public void A_product_with_a_trailing_newline_is_refused()
    {
        var result = CdkAppGenerator.Generate(Plan("shop\n"), new GeneratorOptions());
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Id == "AP3002");
    }

    [Fact]
    public void Per_environment_secrets_whose_environment_is_a_segment_of_symbols()
    {
        // Found by the property (seed 5VYMwKxS6I31): the environment segment leaves no words, or only separators.
        var plan = Plan("stack", "\\&amp;") with
        {
            FilePath = "docs/plans/random.md",
            Secrets = new[]
            {
                new PlannedSecret { Name = "\uFFFD\u2029_(from RDS)_", Environment = "(from RDS)", Location = At(30) },
                new PlannedSecret { Name = "{% raw %}//", Environment = "{% raw %}", Location = At(32) },
                new PlannedSecret { Name = "\u2713cron(0 10 * * ? *)DB_HOST\u00E9No\u00E9", Format = "\\apps/x/infra/cdkS3 bucket\u2028", Location = At(31) },
            }.ToEquatableArray(),
        };
        GeneratedCodePropertyTests.AssertGeneratesExpectedCode(plan);
    }
}
