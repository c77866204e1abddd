using CsCheck;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class PlaceholderRulePropertyTests
{
    private static readonly Gen<string> Texts = Gen.OneOf(
            "[Brief Title]", "[Your Name]", "$X", "YYYY-MM-DD", "[", "]", "(x)", "`", "```\n", "~~~\n", "---\n",
            "\n", "\r\n", "text ", "    ", "<!--", "-->", "| a | b |\n", "- [ ] ", "\u2028", "\uFEFF")
        .Array[0, 40]
        .Select(string.Concat);

    [Fact]
    public void Points_every_report_at_the_placeholder_it_names()
    {
        Texts.Sample(text =>
        {
            foreach (var diagnostic in Run(new PlaceholderRule(), Plan(), text))
            {
                var placeholder = text.Substring(diagnostic.Location.Start, diagnostic.Location.Length);
                Assert.StartsWith($"'{placeholder}'", diagnostic.Message, StringComparison.Ordinal);
                var lineStart = diagnostic.Location.Start - diagnostic.Location.Column + 1;
                Assert.True(lineStart == 0 || text[lineStart - 1] == '\n');
                Assert.Equal(diagnostic.Location.Line - 1, text[..lineStart].Count(c => c == '\n'));
            }
        }, iter: 2000, threads: 1);
    }
}
