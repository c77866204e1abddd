using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;
using CsCheck;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

public sealed class TableSplicerPropertyTests
{
    private static readonly string[] Names = ["ORDERS_TABLE", "PAGE_SIZE", "LOG_LEVEL", "A", "B_C", "ZED"];

    // "ref" stands for a reference to the orders table; the rest are literals, awkward ones included.
    private static readonly string[] Values = ["50", "INFO", "a|b", "x`y", "値段", "*bold*", "back\\slash", "|", "ref"];

    [Fact]
    public void Any_code_gives_a_plan_that_reads_back_as_the_code_keeps_the_rest_and_is_stable()
    {
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Values)).Array[0, 6].Sample(pairs =>
        {
            var infra = TableSplicerTests.CodeWith([.. pairs.Select(p => Var(p.Item1, p.Item2 == "ref" ? Ref("OrdersTable") : Literal(p.Item2)))]);

            var once = TableSplicerTests.Splice(Plans.Current, infra);

            Assert.StartsWith(Plans.Head, once, StringComparison.Ordinal);
            Assert.EndsWith(Plans.Tail, once, StringComparison.Ordinal);
            Assert.Equal(once, TableSplicerTests.Splice(once, infra));
            var read = PlanReader.Parse(once, "plan.md").Value!.Variables.ToDictionary(v => v.Name);
            var expected = pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2);
            Assert.Equal(expected.Keys.Order(), read.Keys.Order());
            foreach (var (name, value) in expected)
            {
                var spec = read[name].Value;
                Assert.True(value == "ref" ? spec.Kind == ValueKind.FromResource : spec.Kind == ValueKind.Literal && spec.Text == value,
                    $"{name}: expected {value}, read {spec}\n{once}");
            }
        }, iter: 300);
    }
}
