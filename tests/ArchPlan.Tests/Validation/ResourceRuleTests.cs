using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class DuplicateResourceRuleTests
{
    [Fact]
    public void Reports_a_resource_name_used_twice_with_the_first_line()
    {
        var plan = Plan(resources: [Lambda("cart-api", 19), Resource(ResourceKind.DynamoDbTable, "carts", 20), Lambda("Cart-API", 21)]);

        var diagnostic = Assert.Single(Run(new DuplicateResourceRule(), plan));

        Assert.Equal("AP2029", diagnostic.Id);
        Assert.Equal(21, diagnostic.Location.Line);
        Assert.Equal("Resource 'Cart-API' is declared again; it was first declared on line 19", diagnostic.Message);
    }

    [Fact]
    public void Passes_distinct_names()
    {
        Assert.Empty(Run(new DuplicateResourceRule(), Plan(resources: [Lambda("cart-api"), Lambda("cart-worker")])));
    }
}

public sealed class ComputeLimitsRuleTests
{
    [Fact]
    public void Reports_Lambda_memory_and_timeout_beyond_what_Lambda_allows()
    {
        var function = Lambda("cart-api", 21) with { MemoryMb = 20000, TimeoutSeconds = 1200 };

        var diagnostics = Run(new ComputeLimitsRule(), Plan(resources: [function]));

        Assert.Equal(["AP2030", "AP2031"], diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal(21, d.Location.Line));
    }

    [Theory]
    [InlineData(128, 1)]
    [InlineData(10240, 900)]
    [InlineData(null, null)]
    public void Passes_settings_within_Lambda_limits(int? memory, int? timeout)
    {
        var function = Lambda("cart-api") with { MemoryMb = memory, TimeoutSeconds = timeout };

        Assert.Empty(Run(new ComputeLimitsRule(), Plan(resources: [function])));
    }

    [Theory]
    [InlineData(1000, 3000)]
    [InlineData(256, 4096)]
    [InlineData(512, 1536)]
    [InlineData(8192, 18432)]
    public void Reports_CPU_and_memory_pairs_Fargate_does_not_offer(int cpu, int memory)
    {
        var service = Fargate("web", 22) with { Cpu = cpu, MemoryMb = memory };

        var diagnostic = Assert.Single(Run(new ComputeLimitsRule(), Plan(resources: [service])));

        Assert.Equal("AP2032", diagnostic.Id);
    }

    [Theory]
    [InlineData(256, 512)]
    [InlineData(512, 4096)]
    [InlineData(1024, 3072)]
    [InlineData(4096, 30720)]
    [InlineData(8192, 20480)]
    [InlineData(16384, 122880)]
    public void Passes_pairs_Fargate_offers(int cpu, int memory)
    {
        var service = Fargate("web") with { Cpu = cpu, MemoryMb = memory };

        Assert.Empty(Run(new ComputeLimitsRule(), Plan(resources: [service])));
    }
}

public sealed class ValueSourceRuleTests
{
    [Fact]
    public void Reports_a_value_from_a_resource_the_plan_does_not_have()
    {
        var variable = Variable("CACHE_HOST", line: 31) with { Value = new ValueSpec(ValueKind.FromResource, "(from Redis)", Resource: "Redis") };
        var plan = Plan(resources: [Lambda("cart-api"), Resource(ResourceKind.DynamoDbTable, "carts")], variables: [variable]);

        var diagnostic = Assert.Single(Run(new ValueSourceRule(), plan));

        Assert.Equal("AP2025", diagnostic.Id);
        Assert.Equal(At(31, 20), diagnostic.Location);
        Assert.Contains("cart-api, carts", diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolves_Step_Functions_only_to_a_state_machine()
    {
        var variable = Variable("SETTLEMENT_ARN") with { Value = new ValueSpec(ValueKind.FromResource, Resource: "Step Functions") };

        Assert.Single(Run(new ValueSourceRule(), Plan(resources: [Lambda("payments-worker")], variables: [variable])));
        Assert.Empty(Run(new ValueSourceRule(), Plan(resources: [Lambda("payments-worker"), Resource(ResourceKind.StateMachine, "payment-settlement")], variables: [variable])));
    }

    [Theory]
    [InlineData("DynamoDB table")]
    [InlineData("DynamoDB tables")]
    [InlineData("carts")]
    [InlineData("carts table")]
    [InlineData("VPC")]
    [InlineData("AWS account")]
    public void Passes_values_from_resources_the_plan_has_or_implies(string words)
    {
        var variable = Variable("SOURCE") with { Value = new ValueSpec(ValueKind.FromResource, Resource: words) };
        var plan = Plan(resources: [Fargate("web"), Resource(ResourceKind.DynamoDbTable, "carts")], variables: [variable]);

        Assert.Empty(Run(new ValueSourceRule(), plan));
    }
}

public sealed class ScopeRuleTests
{
    [Fact]
    public void Warns_about_a_scope_naming_no_resource_at_the_scope_cell()
    {
        const string text = "| `MODE` | Mode | `a` | cart-worker |\n";
        var plan = Plan(resources: [Lambda("cart-api")], variables: [Variable("MODE", "a", 1, "cart-worker")]);

        var diagnostic = Assert.Single(Run(new ScopeRule(), plan, text));

        Assert.Equal("AP2027", diagnostic.Id);
        Assert.Equal((1, 25), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Theory]
    [InlineData("cart-api")]
    [InlineData("cart-api Lambda")]
    [InlineData("handler.py")]
    [InlineData("All")]
    [InlineData("all functions")]
    public void Passes_scopes_that_name_a_resource_or_everything(string scope)
    {
        var function = Lambda("cart-api") with { Text = "**Lambda Function** `cart-api` — Python 3.12, handler.py" };

        Assert.Empty(Run(new ScopeRule(), Plan(resources: [function], variables: [Variable("MODE", "a", 30, scope)])));
    }
}
