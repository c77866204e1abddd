using ArchPlan.Infrastructure;

namespace ArchPlan.Tests.Infrastructure;

public sealed class StackEnvironmentsTests
{
    [Theory]
    [InlineData("OrdersStack-dev", "dev")]
    [InlineData("orders-prod", "prod")]
    [InlineData("ProdOrdersStack", "prod")]
    [InlineData("OrdersStackProduction", "prod")]
    [InlineData("Prod/OrdersStack", "prod")]
    [InlineData("orders_staging", "staging")]
    [InlineData("Orders-Stage", "staging")]
    [InlineData("ORDERS-DEVELOPMENT", "dev")]
    [InlineData("orders-pre-prod", "preprod")]
    [InlineData("OrdersStack", null)]
    [InlineData("OrdersDevToProdMigration", null)]
    [InlineData("Products", null)]
    [InlineData("DevelopersPortal", null)]
    public void A_stack_name_names_at_most_one_environment(string name, string? environment)
    {
        Assert.Equal(environment, StackEnvironments.InName(name));
    }

    [Fact]
    public void A_tag_names_the_environment_before_the_names_do()
    {
        var stack = new InfraStack { Id = "OrdersStack", Tags = new[] { new StackTag("team", "shop"), new StackTag("Environment", "Production") } };
        Assert.Equal("prod", StackEnvironments.Of(stack));
    }

    [Fact]
    public void Artifact_id_stack_name_and_display_name_count_together()
    {
        Assert.Equal("prod", StackEnvironments.Of(new InfraStack { Id = "OrdersStackA1B2C3D4", StackName = "orders-prod", DisplayName = "Prod/Orders" }));
        Assert.Null(StackEnvironments.Of(new InfraStack { Id = "Orders", StackName = "orders-dev", DisplayName = "Prod/Orders" }));
    }
}
