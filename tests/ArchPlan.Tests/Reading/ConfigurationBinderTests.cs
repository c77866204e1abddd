using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;
using static ArchPlan.Tests.Reading.ReadingAssertions;

namespace ArchPlan.Tests.Reading;

public sealed class ConfigurationBinderTests
{
    private static readonly SourceLocation Here = new("plan.md", 10, 1);

    private static EnvVariable Variable(string name, ValueSpec value, params EnvironmentValue[] perEnvironment) =>
        new() { Name = name, Value = value, Location = Here, PerEnvironment = perEnvironment.ToEquatableArray() };

    private static PlannedSecret Secret(string name, params string[] fields) =>
        new() { Name = name, JsonFields = fields.ToEquatableArray(), Location = Here };

    private static readonly ValueSpec FromSecretsManager = new(ValueKind.FromSecret, "(Secrets Manager)");

    [Theory]
    [InlineData("POSTGRES_PASSWORD", "password", true)]
    [InlineData("DB_PASS", "password", true)]
    [InlineData("DB_USER", "username", true)]
    [InlineData("DB_USERNAME", "username", true)]
    [InlineData("POSTGRES_USER", "username", true)]
    [InlineData("DB_HOST", "host", true)]
    [InlineData("DB_PORT", "port", true)]
    [InlineData("DB_NAME", "database", true)]
    [InlineData("DATABASE_NAME", "database", true)]
    [InlineData("APP_NAME", "database", false)]
    [InlineData("PASSWORD_POLICY", "password", false)]
    [InlineData("API_KEY", "api_key", true)]
    [InlineData("DB_HOST", "password", false)]
    public void Matches_a_variable_to_the_json_field_its_last_words_name(string variable, string field, bool matches) =>
        Assert.Equal(matches, ConfigurationBinder.FieldMatches(variable, field));

    [Fact]
    public void Binds_secrets_manager_values_to_json_fields()
    {
        var secrets = new[] { Secret("gamehub/db/credentials", "username", "password", "host", "port", "database"), Secret("gamehub/esports-feed/api-key") };
        var variables = new[]
        {
            Variable("POSTGRES_USER", FromSecretsManager),
            Variable("POSTGRES_PASSWORD", FromSecretsManager),
            Variable("ESPORTS_FEED_API_KEY", FromSecretsManager),
            Variable("DB_NAME", ValueSpec.Literal("gamehub")),
            Variable("DB_HOST", new ValueSpec(ValueKind.FromResource, "(from RDS)", Resource: "RDS")),
        };

        var bound = ConfigurationBinder.BindSecrets(variables, secrets);

        Assert.Equal(
            ["secret:gamehub/db/credentials#username", "secret:gamehub/db/credentials#password", "secret:gamehub/esports-feed/api-key", "literal:gamehub", "resource:RDS"],
            bound.Select(v => Describe(v.Value)));
    }

    [Fact]
    public void Binds_a_variable_without_value_to_the_json_field_it_names()
    {
        var bound = ConfigurationBinder.BindSecrets([Variable("DB_PASSWORD", ValueSpec.None)], [Secret("orders/db/credentials", "username", "password")]);

        Assert.Equal("secret:orders/db/credentials#password", Describe(bound[0].Value));
    }

    [Fact]
    public void Prefers_the_secret_named_like_the_variable_over_a_json_field()
    {
        var secrets = new[] { Secret("orders/db/credentials", "username", "password"), Secret("orders/db-password") };

        var bound = ConfigurationBinder.BindSecrets([Variable("DB_PASSWORD", FromSecretsManager)], secrets);

        Assert.Equal("secret:orders/db-password", Describe(bound[0].Value));
    }

    [Fact]
    public void Takes_the_only_secret_when_nothing_else_decides()
    {
        var bound = ConfigurationBinder.BindSecrets([Variable("TOKEN", FromSecretsManager)], [Secret("orders/third-party")]);

        Assert.Equal("secret:orders/third-party", Describe(bound[0].Value));
    }

    [Fact]
    public void Leaves_the_secret_unknown_when_two_fit_equally()
    {
        var bound = ConfigurationBinder.BindSecrets([Variable("TOKEN", FromSecretsManager)], [Secret("orders/a"), Secret("orders/b")]);

        Assert.Equal("secret:?", Describe(bound[0].Value));
    }

    [Fact]
    public void Binds_per_environment_secret_values_too()
    {
        var variable = Variable("EMAIL_API_KEY", ValueSpec.None,
            new EnvironmentValue("dev", FromSecretsManager, Here), new EnvironmentValue("prod", FromSecretsManager, Here));

        var bound = ConfigurationBinder.BindSecrets([variable], [Secret("notifications/email/api-key")]);

        Assert.Equal(["secret:notifications/email/api-key", "secret:notifications/email/api-key"], bound[0].PerEnvironment.Select(e => Describe(e.Value)));
    }

    [Fact]
    public void Merges_rows_that_give_one_variable_for_different_environments()
    {
        var rows = new[]
        {
            Variable("API_BASE", ValueSpec.None, new EnvironmentValue("dev", ValueSpec.Literal("d"), Here with { Line = 1 })),
            Variable("API_BASE", ValueSpec.None, new EnvironmentValue("prod", ValueSpec.Literal("p"), Here with { Line = 2 })),
            Variable("LOG_LEVEL", ValueSpec.Literal("info")),
        };

        var merged = ConfigurationBinder.MergeEnvironments(rows);

        Assert.Equal(["10 API_BASE none unspecified dev@1=literal:d prod@2=literal:p", "10 LOG_LEVEL literal:info unspecified"], merged.Select(Describe));
    }

    [Fact]
    public void Keeps_two_rows_for_the_same_environment_apart_so_the_duplicate_shows()
    {
        var rows = new[]
        {
            Variable("API_BASE", ValueSpec.None, new EnvironmentValue("dev", ValueSpec.Literal("a"), Here)),
            Variable("API_BASE", ValueSpec.None, new EnvironmentValue("dev", ValueSpec.Literal("b"), Here)),
        };

        Assert.Equal(2, ConfigurationBinder.MergeEnvironments(rows).Count);
    }

    [Fact]
    public void Keeps_rows_with_different_scopes_apart()
    {
        var rows = new[]
        {
            Variable("QUEUE_URL", ValueSpec.None, new EnvironmentValue("dev", ValueSpec.Literal("a"), Here)) with { Scope = new[] { "api" }.ToEquatableArray() },
            Variable("QUEUE_URL", ValueSpec.None, new EnvironmentValue("prod", ValueSpec.Literal("b"), Here)) with { Scope = new[] { "worker" }.ToEquatableArray() },
        };

        Assert.Equal(2, ConfigurationBinder.MergeEnvironments(rows).Count);
    }
}
