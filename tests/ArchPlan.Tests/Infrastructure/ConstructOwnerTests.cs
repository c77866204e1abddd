using System.Globalization;
using System.Text.Json.Nodes;
using ArchPlan.Infrastructure;

namespace ArchPlan.Tests.Infrastructure;

/// <summary>
/// Which resource a resource exists for, from construct paths: the primary resource at the nearest enclosing construct.
/// (The reader walks up each path instead of comparing every pair of resources; these pin the answers it must keep.)
/// </summary>
public sealed class ConstructOwnerTests
{
    private static JsonObject Resource(string type, string path) => new()
    {
        ["Type"] = type,
        ["Metadata"] = new JsonObject { ["aws:cdk:path"] = path },
    };

    private static Dictionary<string, string?> PartOf(JsonObject resources)
    {
        using var temp = InfraTestFiles.Temp();
        var path = Path.Combine(temp.Dir, "owners.template.json");
        File.WriteAllText(path, new JsonObject { ["Resources"] = resources }.ToJsonString());
        var result = InfrastructureReader.Read(path);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value!.Resources.ToDictionary(r => r.LogicalId, r => r.PartOf);
    }

    [Fact]
    public void The_nearest_enclosing_primary_resource_owns_a_nested_one()
    {
        var owners = PartOf(new JsonObject
        {
            ["Outer"] = Resource("AWS::S3::Bucket", "Stack/Outer/Resource"),
            ["OuterInner"] = Resource("AWS::SNS::Topic", "Stack/Outer/Inner/Resource"),
            ["OuterInnerPolicy"] = Resource("AWS::SNS::TopicPolicy", "Stack/Outer/Inner/Policy/Resource"),
            ["OuterNotes"] = Resource("AWS::SQS::Queue", "Stack/Outer/Notes/Resource"),
        });

        Assert.Null(owners["Outer"]);
        Assert.Equal("Outer", owners["OuterInner"]);
        Assert.Equal("OuterInner", owners["OuterInnerPolicy"]);
        Assert.Equal("Outer", owners["OuterNotes"]);
    }

    [Fact]
    public void Helpers_in_between_are_skipped_and_a_name_prefix_is_not_a_parent()
    {
        var owners = PartOf(new JsonObject
        {
            ["Fn"] = Resource("AWS::Lambda::Function", "Stack/Fn/Resource"),
            ["FnRole"] = Resource("AWS::IAM::Role", "Stack/Fn/ServiceRole/Resource"),
            ["FnRolePolicy"] = Resource("AWS::IAM::Policy", "Stack/Fn/ServiceRole/DefaultPolicy/Resource"),
            ["Fn2"] = Resource("AWS::Lambda::Function", "Stack/Fn2/Resource"),
            ["Fn2Role"] = Resource("AWS::IAM::Role", "Stack/Fn2/ServiceRole/Resource"),
        });

        Assert.Equal("Fn", owners["FnRole"]);
        Assert.Equal("Fn", owners["FnRolePolicy"]);
        Assert.Null(owners["Fn2"]);
        Assert.Equal("Fn2", owners["Fn2Role"]);
    }

    [Fact]
    public void Of_two_primary_resources_at_one_construct_the_first_in_the_template_owns_its_children()
    {
        var owners = PartOf(new JsonObject
        {
            ["TwinB"] = Resource("AWS::SQS::Queue", "Stack/Twin/Default"),
            ["TwinA"] = Resource("AWS::S3::Bucket", "Stack/Twin/Resource"),
            ["TwinChild"] = Resource("AWS::SNS::Topic", "Stack/Twin/Child/Resource"),
        });

        Assert.Equal("TwinB", owners["TwinChild"]);
        Assert.Null(owners["TwinA"]);
        Assert.Null(owners["TwinB"]);
    }

    [Fact]
    public void Every_function_of_a_large_template_owns_its_own_role_and_policy()
    {
        var resources = new JsonObject();
        for (var i = 0; i < 400; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            resources["Fn" + n] = Resource("AWS::Lambda::Function", $"Stack/Fn{n}/Resource");
            resources["Fn" + n + "Role"] = Resource("AWS::IAM::Role", $"Stack/Fn{n}/ServiceRole/Resource");
            resources["Fn" + n + "Policy"] = Resource("AWS::IAM::Policy", $"Stack/Fn{n}/ServiceRole/DefaultPolicy/Resource");
        }

        var owners = PartOf(resources);

        for (var i = 0; i < 400; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            Assert.Null(owners["Fn" + n]);
            Assert.Equal("Fn" + n, owners["Fn" + n + "Role"]);
            Assert.Equal("Fn" + n, owners["Fn" + n + "Policy"]);
        }
    }

    [Fact]
    public void A_secret_attached_to_a_database_is_the_databases_even_without_construct_paths()
    {
        // What `cdk synth --no-path-metadata` writes for an RDS instance with generated credentials: no Metadata at all.
        static JsonObject Ref(string id) => new() { ["Ref"] = id };
        var resources = new JsonObject
        {
            ["DbSecret"] = new JsonObject { ["Type"] = "AWS::SecretsManager::Secret", ["Properties"] = new JsonObject { ["GenerateSecretString"] = new JsonObject() } },
            ["DbSecretAttachment"] = new JsonObject
            {
                ["Type"] = "AWS::SecretsManager::SecretTargetAttachment",
                ["Properties"] = new JsonObject { ["SecretId"] = Ref("DbSecret"), ["TargetId"] = Ref("Db"), ["TargetType"] = "AWS::RDS::DBInstance" },
            },
            ["Db"] = new JsonObject { ["Type"] = "AWS::RDS::DBInstance", ["Properties"] = new JsonObject { ["Engine"] = "postgres" } },
            ["Loose"] = new JsonObject { ["Type"] = "AWS::SecretsManager::Secret", ["Properties"] = new JsonObject() },
        };
        using var temp = InfraTestFiles.Temp();
        var path = Path.Combine(temp.Dir, "db.template.json");
        File.WriteAllText(path, new JsonObject { ["Resources"] = resources }.ToJsonString());

        var model = InfrastructureReader.Read(path).Value!;

        Assert.Equal("Db", model.Resources.Single(r => r.LogicalId == "DbSecret").PartOf);
        Assert.Null(model.Resources.Single(r => r.LogicalId == "Loose").PartOf);
        // The database's own credentials are not a secret the plan would list; an unattached one still is.
        Assert.Equal(["Loose"], model.Secrets.Select(s => s.Name).ToArray());
    }
}
