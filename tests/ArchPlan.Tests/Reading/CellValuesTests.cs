using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class CellValuesTests
{
    [Theory]
    [InlineData("(from RDS)", "RDS")]
    [InlineData("(from S3 bucket)", "S3 bucket")]
    [InlineData("(from the DynamoDB table)", "DynamoDB table")]
    [InlineData("from SQS queue", "SQS queue")]
    [InlineData("(set from Step Functions)", "Step Functions")]
    public void Reads_from_values_as_resource_attributes(string cell, string resource)
    {
        var value = CellValues.ParseValue(cell);

        Assert.Equal(ValueKind.FromResource, value.Kind);
        Assert.Equal(resource, value.Resource);
    }

    [Theory]
    [InlineData("(Secrets Manager)", null)]
    [InlineData("Secrets Manager", null)]
    [InlineData("(from Secrets Manager)", null)]
    [InlineData("(Secrets Manager: orders/stripe/api-key)", "orders/stripe/api-key")]
    [InlineData("(from secret [product]/db/credentials)", "[product]/db/credentials")]
    public void Reads_secrets_manager_values_as_secrets(string cell, string? secret)
    {
        var value = CellValues.ParseValue(cell);

        Assert.Equal(ValueKind.FromSecret, value.Kind);
        Assert.Equal(secret, value.Secret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("–")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("N/a")]
    [InlineData("none")]
    [InlineData("(none)")]
    [InlineData("(not set)")]
    public void Reads_dash_blank_and_not_applicable_as_no_value(string cell) =>
        Assert.Equal(ValueSpec.None, CellValues.ParseValue(cell));

    [Theory]
    [InlineData("50")]
    [InlineData("false")]
    [InlineData("postgresql://...")]
    [InlineData("https://from.example.com")]
    [InlineData("from-address@example.com")]
    [InlineData("hello | world")]
    public void Keeps_anything_else_as_a_literal(string cell) => Assert.Equal(ValueSpec.Literal(cell), CellValues.ParseValue(cell));

    [Theory]
    [InlineData("yes", Requirement.Required)]
    [InlineData("Yes", Requirement.Required)]
    [InlineData("Y", Requirement.Required)]
    [InlineData("true", Requirement.Required)]
    [InlineData("✓", Requirement.Required)]
    [InlineData("✅", Requirement.Required)]
    [InlineData("Required", Requirement.Required)]
    [InlineData("**Yes**", Requirement.Required)]
    [InlineData("Yes (prod only)", Requirement.Required)]
    [InlineData("optional", Requirement.Optional)]
    [InlineData("No", Requirement.Optional)]
    [InlineData("n", Requirement.Optional)]
    [InlineData("false", Requirement.Optional)]
    [InlineData("Recommended", Requirement.Optional)]
    [InlineData("Conditional", Requirement.Optional)]
    [InlineData("", Requirement.Unspecified)]
    [InlineData("  ", Requirement.Unspecified)]
    [InlineData("maybe", Requirement.Invalid)]
    [InlineData("sometimes", Requirement.Invalid)]
    public void Reads_every_spelling_of_required(string cell, Requirement requirement) =>
        Assert.Equal(requirement, CellValues.ParseRequired(cell));

    [Theory]
    [InlineData("JSON: {username, password, host, port, database}", "username,password,host,port,database")]
    [InlineData("JSON: {username, password, ...}", "username,password")]
    [InlineData("{\"user\": \"...\", \"pass\": \"...\"}", "user,pass")]
    [InlineData("JSON `{ \"api_key\": string }`", "api_key")]
    [InlineData("{username: string, password: string}", "username,password")]
    [InlineData("JSON: {user:name, password}", "user:name,password")]
    [InlineData("Plain string", "")]
    [InlineData("JSON", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Reads_the_fields_of_a_json_secret_format(string? format, string fields) =>
        Assert.Equal(fields, string.Join(',', CellValues.JsonFields(format)));

    [Theory]
    [InlineData("payments-handler, payments-worker", "payments-handler|payments-worker")]
    [InlineData("snapshot.py / export.py", "snapshot.py|export.py")]
    [InlineData("api and worker", "api|worker")]
    [InlineData("api; worker", "api|worker")]
    [InlineData("src/api/handler.ts", "src/api/handler.ts")]
    [InlineData("all", "")]
    [InlineData("All", "")]
    [InlineData("", "")]
    public void Splits_a_scope_cell_into_components(string cell, string scope) =>
        Assert.Equal(scope, string.Join('|', CellValues.ParseScope(cell)));
}
