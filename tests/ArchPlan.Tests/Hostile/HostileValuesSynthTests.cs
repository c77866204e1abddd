using System.Text.Json.Nodes;
using ArchPlan.Tests.Generation;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// End to end with the real CDK: a sample of the property test's hostile values (fixed seed
/// <see cref="SamplePlans.PropertySeed"/>), given as literal variable values, is generated, built with
/// <c>dotnet build</c> and synthesized once per run (<see cref="CdkAppFixture.PropertySample"/>); each value must
/// reach the CloudFormation template byte-exact, in the function's and the container's environment.
/// </summary>
[Collection(CdkAppsCollection.Name)]
public sealed class HostileValuesSynthTests(CdkAppFixture apps)
{
    [Fact]
    public void Hostile_values_reach_the_synthesized_template_byte_exact()
    {
        Assert.True(apps.PropertySample.Build.ExitCode == 0, apps.PropertySample.Build.ToString());
        var synth = apps.PropertySampleDefault;
        Assert.True(synth.Template is not null, synth.Run.ToString());

        var function = synth.Resource("AWS::Lambda::Function", "SampleFunction")["Properties"]!["Environment"]!["Variables"]!.AsObject();
        var container = synth.Resource("AWS::ECS::TaskDefinition", "SampleTaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!;
        var environment = container["Environment"]!.AsArray().ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]!.GetValue<string>());

        var values = SamplePlans.PropertyValues;
        Assert.True(values.Count >= 25, $"only {values.Count} sample values");
        for (var i = 0; i < values.Count; i++)
        {
            var name = $"V{i + 1:D2}";
            Assert.True(function.TryGetPropertyValue(name, out var inFunction) && inFunction is JsonValue,
                $"{name} is missing from the function's environment");
            AssertExact(values[i], inFunction!.GetValue<string>(), name + " (function)");
            Assert.True(environment.TryGetValue(name, out var inContainer), $"{name} is missing from the container's environment");
            AssertExact(values[i], inContainer!, name + " (container)");
        }
    }

    [Fact]
    public void Text_the_cdk_reads_as_a_token_deploys_as_written()
    {
        var synth = apps.TokenTextDefault;
        Assert.True(synth.Template is not null, synth.Run.ToString());

        var function = synth.OfType("AWS::Lambda::Function")
            .Select(f => f.Resource["Properties"]?["Environment"]?["Variables"]?.AsObject())
            .Single(v => v is not null && v.ContainsKey("REGION_TEXT"))!;
        foreach (var (name, text) in CdkAppFixture.TokenTexts)
        {
            // Fn::Sub with "${!" for every "${": CloudFormation turns it back into exactly the plan's text, the CDK saw no token.
            var value = function[name];
            Assert.True(value is JsonObject sub && sub.Count == 1 && sub["Fn::Sub"] is JsonValue, $"{name}: {SynthResult.Json(value)}");
            var body = value!["Fn::Sub"]!.GetValue<string>();
            Assert.DoesNotContain("${Token[", body, StringComparison.Ordinal);
            Assert.Equal(text, body.Replace("${!", "${", StringComparison.Ordinal));
            Assert.DoesNotContain("AWS::Region", SynthResult.Json(value), StringComparison.Ordinal);
        }
    }

    private static void AssertExact(string expected, string actual, string what)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"{what} differs: expected '{GeneratedCodeOracle.Show(expected)}', got '{GeneratedCodeOracle.Show(actual)}'");
        }
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
    }
}
