using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class CredentialRuleTests
{
    private const string Password = "S3cr3t" + "Pw9x";

    [Fact]
    public void Reports_a_password_in_a_value_without_echoing_it()
    {
        var plan = Plan(variables: [Variable("DATABASE_URL", "postgresql://app:" + Password + "@db:5432/app", line: 31)]);

        var diagnostic = Assert.Single(Run(new CredentialRule(), plan));

        Assert.Equal("AP2016", diagnostic.Id);
        Assert.Equal((31, 20), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("The value of 'DATABASE_URL' looks like a real credential (password in a connection string)", diagnostic.Message);
        Assert.DoesNotContain(Password, diagnostic.Message + diagnostic.Help, StringComparison.Ordinal);
        Assert.Contains("Secrets table", diagnostic.Help, StringComparison.Ordinal);
        Assert.Contains("${DB_PASSWORD}", diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_credential_in_one_environment_at_that_cell()
    {
        var variable = Variable("API_TOKEN", "<your-token>") with
        {
            PerEnvironment = new EnvironmentValue[] { new("prod", ValueSpec.Literal("ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"), At(30, 44)) },
        };

        var diagnostic = Assert.Single(Run(new CredentialRule(), Plan(variables: [variable])));

        Assert.Equal(At(30, 44), diagnostic.Location);
        Assert.StartsWith("The prod value of 'API_TOKEN'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_credentials_in_description_and_format_cells_at_the_cell()
    {
        const string text = "| Secret Name | Description | Format |\n| --- | --- | --- |\n| `acme/api` | Stripe key | sk_live_4eC39HqLyjWDarjtT1zdp7dc |\n";
        var secret = Secret("acme/api", line: 3, format: "sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc", description: "Stripe key");

        var diagnostic = Assert.Single(Run(new CredentialRule(), Plan(secrets: [secret]), text));

        Assert.Equal((3, 29), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.StartsWith("The format of 'acme/api'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_a_cell_written_with_code_markup()
    {
        const string text = "| `acme/api` | Stripe key | `sk_live_4eC39HqLyjWDarjtT1zdp7dc` |\n";
        var secret = Secret("acme/api", line: 1, format: "sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc", description: "Stripe key");

        var diagnostic = Assert.Single(Run(new CredentialRule(), Plan(secrets: [secret]), text));

        Assert.Equal(29, diagnostic.Location.Column);
    }

    [Fact]
    public void Passes_the_template_examples()
    {
        var plan = Plan(
            variables: [Variable("DATABASE_URL", "postgresql://..."), Variable("FEATURE_FLAG", "true") with { Description = "Enable feature" }],
            secrets: [Secret("acme/db/credentials", format: "JSON: {username, password, host, port, database}", description: "Database credentials")]);

        Assert.Empty(Run(new CredentialRule(), plan));
    }
}
