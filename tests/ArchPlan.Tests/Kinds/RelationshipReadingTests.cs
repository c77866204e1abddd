using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Kinds;

/// <summary>
/// Relationships come from the resource entries' verbs (with their direction), from the Architecture section's
/// numbered flow, and from the edges of its Mermaid diagram (node labels matched to resource names).
/// </summary>
public sealed class RelationshipReadingTests
{
    private static Plan Read(string resources, string architecture = "") => PlanReader.Parse($"""
        ---
        title: t
        product: shop
        ---

        # T

        ## Architecture

        {architecture}

        ## Infrastructure

        ### AWS Resources

        {resources}
        """, "plan.md").Value!;

    private static IEnumerable<string> LinksOf(Plan plan, string name) =>
        plan.Resources.Single(r => r.Name == name).Links.Select(l => $"{l.Kind}:{l.Target}:{l.Access}");

    [Theory]
    [InlineData("reads from `orders`", "Read")]
    [InlineData("queries `orders`", "Read")]
    [InlineData("writes to `orders`", "Write")]
    [InlineData("puts items into `orders`", "Write")]
    [InlineData("reads and writes `orders`", "ReadWrite")]
    [InlineData("has read/write access to `orders`", "ReadWrite")]
    [InlineData("uses `orders`", "Unspecified")]
    public void A_verb_before_a_resource_gives_the_direction(string words, string access)
    {
        var plan = Read($"- **Lambda Function** `api` — Python 3.12; {words}\n- **DynamoDB Table** `orders`");
        Assert.Contains($"Uses:orders:{access}", LinksOf(plan, "api"));
    }

    [Fact]
    public void The_nearest_verb_decides_for_each_resource()
    {
        var plan = Read("- **Lambda Function** `api` — reads `orders` and writes `audit`\n- **DynamoDB Table** `orders`\n- **S3 Bucket** `audit`");
        Assert.Contains("Uses:orders:Read", LinksOf(plan, "api"));
        Assert.Contains("Uses:audit:Write", LinksOf(plan, "api"));
    }

    [Fact]
    public void Read_by_and_written_by_on_a_resource_give_the_compute_its_direction()
    {
        var plan = Read("- **Lambda Function** `api`\n- **Lambda Function** `loader`\n- **DynamoDB Table** `orders` — read by `api`, written by `loader`");
        Assert.Contains("Uses:orders:Read", LinksOf(plan, "api"));
        Assert.Contains("Uses:orders:Write", LinksOf(plan, "loader"));
    }

    [Fact]
    public void Mermaid_edges_link_the_resources_their_labels_name()
    {
        var plan = Read(
            "- **HTTP API** `shop-api`\n- **Lambda Function** `orders-handler`\n- **SQS Queue** `order-events`\n- **ECS Fargate Service** `fulfilment`",
            """
            ```mermaid
            flowchart LR
                A[HTTP API shop-api] --> B(orders-handler Lambda)
                B -->|enqueue| Q[(SQS order-events)]
                Q --> W[fulfilment worker] --> X[Warehouse system]
            ```
            """);
        Assert.Contains("Fronts:orders-handler:Unspecified", LinksOf(plan, "shop-api"));
        Assert.Contains("Uses:order-events:Write", LinksOf(plan, "orders-handler"));
        Assert.Contains("Triggers:fulfilment:Unspecified", LinksOf(plan, "order-events"));
    }

    [Fact]
    public void A_mermaid_node_naming_only_a_kind_is_the_only_resource_of_that_kind()
    {
        var plan = Read("- **EventBridge Rule** `nightly` — daily at 02:00 UTC\n- **Lambda Function** `cleanup`",
            "```mermaid\ngraph TD\n    R[EventBridge rule, nightly at 2am] --> C[cleanup]\n```");
        Assert.Contains("Triggers:cleanup:Unspecified", LinksOf(plan, "nightly"));
    }

    [Fact]
    public void A_numbered_flow_links_its_subject_to_what_it_acts_on_and_states_routes()
    {
        var plan = Read(
            "- **HTTP API** `portal`\n- **Lambda Function** `get-order`\n- **Lambda Function** `create-order`\n- **DynamoDB Table** `orders`",
            """
            1. `portal` routes `GET /orders/{id}` to `get-order` and `POST /orders` to `create-order`.
            2. `create-order` writes the order to `orders`.
            3. `get-order` reads from `orders`.
            """);
        Assert.Contains("Fronts:get-order:Unspecified", LinksOf(plan, "portal"));
        Assert.Contains("Fronts:create-order:Unspecified", LinksOf(plan, "portal"));
        Assert.Contains("Uses:orders:Write", LinksOf(plan, "create-order"));
        Assert.Contains("Uses:orders:Read", LinksOf(plan, "get-order"));
        var routes = plan.Resources.Single(r => r.Name == "portal").Attributes.Where(a => a.Property == "Route").Select(a => a.Value);
        Assert.Equal(["GET /orders/{id}@get-order", "POST /orders@create-order"], routes);
    }

    [Fact]
    public void A_workflow_runs_the_functions_it_names()
    {
        var plan = Read("- **Step Functions** `checkout` — runs `validate`, then `charge`\n- **Lambda Function** `charge`\n- **Lambda Function** `validate`");
        Assert.Contains("Uses:validate:Unspecified", LinksOf(plan, "checkout"));
        Assert.Contains("Uses:charge:Unspecified", LinksOf(plan, "checkout"));
    }
}
