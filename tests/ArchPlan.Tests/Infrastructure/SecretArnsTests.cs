using ArchPlan.Infrastructure;

namespace ArchPlan.Tests.Infrastructure;

public sealed class SecretArnsTests
{
    [Theory]
    [InlineData("arn:${AWS_Partition}:secretsmanager:${AWS_Region}:${AWS_AccountId}:secret:acme/db/credentials", "acme/db/credentials", null)]
    [InlineData("arn:${AWS_Partition}:secretsmanager:${AWS_Region}:${AWS_AccountId}:secret:acme/db/credentials-??????", "acme/db/credentials", null)]
    [InlineData("arn:${AWS_Partition}:secretsmanager:${AWS_Region}:${AWS_AccountId}:secret:acme/db/credentials:password::", "acme/db/credentials", "password")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/db/credentials-AbCdEf", "acme/db/credentials", null)]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/db/credentials-AbCdEf:username:AWSCURRENT:", "acme/db/credentials", "username")]
    [InlineData("arn:${AWS_Partition}:secretsmanager:${AWS_Region}:${AWS_AccountId}:secret:api-google", "api-google", null)]
    public void Recovers_the_name_and_field(string arn, string name, string? field)
    {
        var mention = SecretArns.FromArn(arn);
        Assert.NotNull(mention);
        Assert.Equal((name, field), (mention.Name, mention.Field));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/*")]
    [InlineData("plain text")]
    [InlineData("arn:aws:ssm:eu-west-1:123456789012:parameter/acme/db")]
    public void Ignores_other_text(string text) => Assert.Null(SecretArns.FromArn(text));

    [Fact]
    public void Reads_dynamic_references_by_name_and_by_arn()
    {
        var mentions = SecretArns.FromDynamicReferences(
            "{{resolve:secretsmanager:acme/db:SecretString:password::}} and {{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:1:secret:acme/api-XyZ123:SecretString:key}}").ToList();
        Assert.Equal([("acme/db", "password"), ("acme/api", "key")], mentions.Select(m => (m.Name, m.Field)));
    }

    [Fact]
    public void Wildcard_arns_are_marked()
    {
        Assert.True(SecretArns.FromArn("arn:aws:secretsmanager:eu-west-1:1:secret:*")!.IsWildcard);
        Assert.True(SecretArns.FromArn("arn:aws:secretsmanager:eu-west-1:1:secret:acme/*")!.IsWildcard);
    }
}
