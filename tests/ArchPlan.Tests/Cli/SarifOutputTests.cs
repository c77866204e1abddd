using System.Text.Json;
using ArchPlan.Tests.Diffing;
using ArchPlan.Tests.Infrastructure;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary><c>--format sarif</c> on check and diff: a SARIF 2.1.0 log that code scanning accepts.</summary>
public sealed class SarifOutputTests
{
    [Fact]
    public void Check_writes_a_sarif_log_with_rules_levels_and_locations()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", "---\ntitle: T\ntitle: U\nstatus: active\n---\n\n# T\n");
        var result = CliRunner.Run("check", plan, "--format", "sarif");
        Assert.Equal(1, result.ExitCode);

        using var json = JsonDocument.Parse(result.Out);
        SarifSchema.AssertValid(json.RootElement);
        var run = json.RootElement.GetProperty("runs")[0];
        var duplicate = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "AP1005");
        Assert.Equal("error", duplicate.GetProperty("level").GetString());
        Assert.StartsWith("front-matter key 'title' is given twice", duplicate.GetProperty("message").GetProperty("text").GetString());
        var location = duplicate.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(new Uri(plan).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startColumn").GetInt32());

        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "AP1005");
        Assert.Equal("Duplicate front-matter key", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.EndsWith("/docs/diagnostics.md#ap1005", rule.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Check_of_clean_plans_is_a_valid_log_with_no_error_results()
    {
        var result = CliRunner.Run("check", RepoPaths.Samples, "--format", "SARIF");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        SarifSchema.AssertValid(json.RootElement);
        Assert.DoesNotContain(json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void Diff_writes_each_finding_as_a_result_at_its_plan_line()
    {
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        template.Resources.Remove("AlertsTopic3F1B2C4D");
        var drifted = template.Save(Path.Combine(temp.Dir, "drifted.template.json"));
        var plan = InfraTestFiles.Path("leaderboard-plan.md");

        var result = CliRunner.Run("diff", plan, "--against", drifted, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        SarifSchema.AssertValid(json.RootElement);
        var missing = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "AP4070");
        Assert.Equal("error", missing.GetProperty("level").GetString());
        Assert.Contains("'alerts'", missing.GetProperty("message").GetProperty("text").GetString());
        var region = missing.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Contains("alerts", File.ReadAllLines(plan)[region.GetProperty("startLine").GetInt32() - 1], StringComparison.Ordinal);
    }
}

/// <summary>
/// The constraints of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that archplan's output touches, written
/// out from the specification: required properties, enumerations, minimums and URI formats.
/// </summary>
internal static class SarifSchema
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static void AssertValid(JsonElement log)
    {
        Assert.Equal(JsonValueKind.Object, log.ValueKind);
        // sarifLog: required version (enum "2.1.0") and runs (array); $schema, when present, a URI.
        Assert.Equal("2.1.0", Required(log, "version").GetString());
        if (log.TryGetProperty("$schema", out var schema))
        {
            Assert.True(Uri.TryCreate(schema.GetString(), UriKind.Absolute, out _), "$schema is not an absolute URI");
        }
        var runs = Required(log, "runs");
        Assert.Equal(JsonValueKind.Array, runs.ValueKind);
        foreach (var run in runs.EnumerateArray())
        {
            // run: required tool; tool: required driver; toolComponent: required name.
            var driver = Required(Required(run, "tool"), "driver");
            Assert.False(string.IsNullOrEmpty(Required(driver, "name").GetString()));
            Assert.Equal(JsonValueKind.String, Required(driver, "version").ValueKind);
            AssertAbsoluteUri(Required(driver, "informationUri"));
            var rules = driver.TryGetProperty("rules", out var r) ? r.EnumerateArray().ToList() : [];
            foreach (var rule in rules)
            {
                // reportingDescriptor: required id; shortDescription is a multiformatMessageString (required text).
                Assert.False(string.IsNullOrEmpty(Required(rule, "id").GetString()));
                Assert.False(string.IsNullOrEmpty(Required(Required(rule, "shortDescription"), "text").GetString()));
                AssertAbsoluteUri(Required(rule, "helpUri"));
                if (rule.TryGetProperty("defaultConfiguration", out var configuration) && configuration.TryGetProperty("level", out var level))
                {
                    Assert.Contains(level.GetString(), Levels);
                }
            }
            Assert.Equal(rules.Count, rules.Select(x => x.GetProperty("id").GetString()).Distinct().Count());

            foreach (var result in Required(run, "results").EnumerateArray())
            {
                // result: required message (text or id); level enum; ruleIndex >= -1 and naming the rule of ruleId.
                var message = Required(result, "message");
                Assert.True(message.TryGetProperty("text", out _) || message.TryGetProperty("id", out _), "message needs text or id");
                Assert.Contains(Required(result, "level").GetString(), Levels);
                var ruleId = Required(result, "ruleId").GetString();
                if (result.TryGetProperty("ruleIndex", out var index))
                {
                    Assert.True(index.GetInt32() >= -1);
                    Assert.Equal(ruleId, rules[index.GetInt32()].GetProperty("id").GetString());
                }
                Assert.Contains(rules, x => x.GetProperty("id").GetString() == ruleId);
                var locations = result.TryGetProperty("locations", out var l) ? l.EnumerateArray().ToList() : [];
                foreach (var location in locations)
                {
                    // physicalLocation: artifactLocation (or address); artifactLocation.uri a URI reference; region lines from 1.
                    var physical = Required(location, "physicalLocation");
                    var uri = Required(Required(physical, "artifactLocation"), "uri").GetString();
                    Assert.True(Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _), $"'{uri}' is not a URI reference");
                    Assert.DoesNotContain('\\', uri!);
                    if (physical.TryGetProperty("region", out var region))
                    {
                        Assert.True(Required(region, "startLine").GetInt32() >= 1);
                        if (region.TryGetProperty("startColumn", out var column))
                        {
                            Assert.True(column.GetInt32() >= 1);
                        }
                    }
                }
            }
        }
    }

    private static JsonElement Required(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), $"required property '{name}' is missing");
        return value;
    }

    private static void AssertAbsoluteUri(JsonElement value) =>
        Assert.True(Uri.TryCreate(value.GetString(), UriKind.Absolute, out _), $"'{value.GetString()}' is not an absolute URI");
}
