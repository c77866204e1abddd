using ArchPlan.Reading;

namespace ArchPlan.Tests.Kinds;

/// <summary>
/// Every phrase of a resource entry is accounted for: read into an attribute, naming things (kinds, the plan's resources
/// and secrets, relationships), or listed as not generated, with its line.
/// </summary>
public sealed class NotGeneratedPhraseTests
{
    [Theory]
    [InlineData("**S3 Bucket** `docs` — versioned, replicated to eu-west-2", "replicated to eu-west-2")]
    [InlineData("**Lambda Function** `api` — Python 3.12, 512 MB, provisioned concurrency 5", "provisioned concurrency 5")]
    [InlineData("**DynamoDB Table** `orders` — partition key `id` (string), global table in three regions", "global table in three regions")]
    [InlineData("**ECS Fargate Service** `web` — 1 vCPU / 2 GB, behind an Application Load Balancer", "behind an Application Load Balancer")]
    // "Cognito authorizer" is read now (Auth): the generator, not the reader, lists it as not generated (ApiAuthorizationTests).
    [InlineData("**HTTP API** `shop` — custom domain shop.example.com with a regional certificate", "custom domain")]
    public void A_phrase_no_kind_understands_is_listed_as_not_generated(string item, string phrase)
    {
        var resource = StatedPhraseTests.ReadOne(item);
        Assert.Contains(resource.NotGenerated, p => p.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase));
        Assert.All(resource.NotGenerated, p => Assert.Equal(12, p.Location.Line));
    }

    [Theory]
    [InlineData("**S3 Bucket** `docs` — versioned, SSE-KMS")]
    [InlineData("**Lambda Function** `api` — Python 3.12 / 512 MB / 15 s")]
    [InlineData("**DynamoDB Table** `orders` — partition key `orderId` (string), on-demand, PITR")]
    [InlineData("**SQS Queue** `jobs` — FIFO, dead-letter queue after 5 receives, visibility timeout 2 min")]
    [InlineData("**ECS Fargate Service** `web` — 0.5 vCPU / 1 GB, 2 tasks, port 8080")]
    public void Entries_made_only_of_understood_settings_leave_nothing_out(string item) =>
        Assert.Empty(StatedPhraseTests.ReadOne(item).NotGenerated);

    [Fact]
    public void Names_of_other_resources_and_secrets_and_relationship_verbs_are_not_settings()
    {
        var text = """
            ---
            title: t
            product: shop
            ---

            # T

            ## Infrastructure

            ### AWS Resources

            - **Lambda Function** `charge` — Python 3.12; reads the card token from `shop/card-vault`, writes to `payments`
            - **DynamoDB Table** `payments` — partition key `id` (string)

            ## Configuration

            ### Secrets

            | Secret Name | Description | Format |
            | --- | --- | --- |
            | `shop/card-vault` | Card token | Plain string |
            """;
        var plan = PlanReader.Parse(text, "plan.md").Value!;
        Assert.Empty(plan.Resources[0].NotGenerated);
    }

    [Fact]
    public void An_existing_resource_is_referenced_not_created()
    {
        var resource = StatedPhraseTests.ReadOne("**RDS PostgreSQL** `legacy-db` — existing, owned by the platform team");
        Assert.True(resource.External);
    }
}
