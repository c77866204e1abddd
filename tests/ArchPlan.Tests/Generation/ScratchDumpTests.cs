namespace ArchPlan.Tests.Generation;

public sealed class ScratchDumpTests
{
    [Fact]
    public void Dump()
    {
        var target = Environment.GetEnvironmentVariable("ARCHPLAN_DUMP");
        if (target is null)
        {
            return;
        }
        foreach (var (name, plan) in new[] { ("gamehub", SamplePlans.Gamehub()), ("hostile", SamplePlans.Hostile()) })
        {
            var result = GenerationTestHelpers.Generate(plan);
            File.WriteAllLines(Path.Combine(target, name + ".diagnostics.txt"), result.Diagnostics.Select(d => d.ToString()));
            if (!result.Value.IsDefault)
            {
                GenerationTestHelpers.Write(Path.Combine(target, name), result.Value);
            }
        }
    }
}
