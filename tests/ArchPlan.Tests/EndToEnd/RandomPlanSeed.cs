using ArchPlan.Tests.Hostile;
using CsCheck;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>The seed and the size of the round trip's random plans.</summary>
internal static class RandomPlanSeed
{
    /// <summary>Set to a printed seed to write the same random plans again.</summary>
    public const string SeedVariable = "ARCHPLAN_ROUNDTRIP_SEED";

    /// <summary>The CsCheck seed of this run: <see cref="SeedVariable"/> when set, else a fresh one.</summary>
    public static string FromEnvironment() =>
        Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed
            ? seed
            : new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64()).ToString();

    /// <summary>
    /// Random plans per run: 50, or ARCHPLAN_PROPERTY_ITERATIONS / 200 when that is more (the other property tests run
    /// 10,000 iterations by default, so ARCHPLAN_PROPERTY_ITERATIONS=100000 gives 500 plans, all synthesized at once).
    /// </summary>
    public static int PlanCount() => Math.Max(50, (int)Math.Min(5000, ReaderPropertyTests.Iterations / 200));

    /// <summary>The random plans of <paramref name="seed"/>, at most <paramref name="count"/>.</summary>
    public static IEnumerable<(string Name, string Text)> Plans(string seed, int count) => RandomPlans.WriteMarkdown(PCG.Parse(seed), count);
}
