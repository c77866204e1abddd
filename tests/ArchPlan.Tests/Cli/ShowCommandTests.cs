using System.Text.Json;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

public sealed class ShowCommandTests
{
    [Fact]
    public void Json_lists_the_samples_variables_secrets_and_resources_with_kinds_and_lines()
    {
        var result = CliRunner.Run("show", RepoPaths.Sample("leaderboard-snapshot.md"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("gamehub", root.GetProperty("product").GetString());
        Assert.Equal("stackStructure", root.GetProperty("productFrom").GetString());

        var variables = root.GetProperty("variables").EnumerateArray()
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => (Kind: v.GetProperty("kind").GetString(), Line: v.GetProperty("line").GetInt32()));
        Assert.Equal(("fromResource", 215), variables["DB_HOST"]);
        Assert.Equal(("fromSecret", 218), variables["POSTGRES_PASSWORD"]);
        Assert.Equal(("literal", 225), variables["LOG_LEVEL"]);
        Assert.Equal(11, variables.Count);

        var password = root.GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "POSTGRES_PASSWORD");
        Assert.Equal("gamehub/db/credentials", password.GetProperty("secret").GetString());
        Assert.Equal("password", password.GetProperty("secretField").GetString());

        var secrets = root.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["gamehub/db/credentials", "gamehub/esports-feed/api-key"], secrets);

        var kinds = root.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
        Assert.Equal(10, kinds.Count);
        Assert.Equal(2, kinds.Count(k => k == "lambdaFunction"));
        var rule = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "eventBridgeRule");
        Assert.Equal("cron(0 10 * * ? *)", rule.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Text_shows_aligned_tables_with_lines()
    {
        var result = CliRunner.Run("show", RepoPaths.Sample("payments-api.md"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Product:  payments  (from front matter)", result.Out);
        Assert.Matches(@"\n  220\s+PAYMENTS_TABLE\s+from resource\s+from DynamoDB table", result.Out);
        Assert.Matches(@"\n  213\s+payments/stripe/api-key\s+\(plain string\)", result.Out);
    }

    [Fact]
    public void Per_environment_values_are_shown_with_their_environment()
    {
        var result = CliRunner.Run("show", RepoPaths.Sample("notifications-per-env.md"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["dev", "staging", "prod"], json.RootElement.GetProperty("environments").EnumerateArray().Select(e => e.GetString()!).ToList());
        var dryRun = json.RootElement.GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "DRY_RUN");
        var values = dryRun.GetProperty("environments").EnumerateArray()
            .ToDictionary(e => e.GetProperty("environment").GetString()!, e => e.GetProperty("value").GetString());
        Assert.Equal("true", values["dev"]);
        Assert.Equal("false", values["prod"]);
    }

    [Fact]
    public void An_unreadable_plan_exits_2()
    {
        var result = CliRunner.Run("show", "missing.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AP9001", result.Error);
    }
}
