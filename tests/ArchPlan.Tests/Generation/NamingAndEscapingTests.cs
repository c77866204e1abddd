using ArchPlan.Generation.Naming;
using ArchPlan.Generation.Templates;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArchPlan.Tests.Generation;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("class", "@class")]
    [InlineData("var", "@var")]
    [InlineData("record", "@record")]
    [InlineData("Class", "Class")]
    [InlineData("Bucket", "Bucket")]
    public void Escapes_reserved_and_contextual_keywords_with_at(string name, string expected) =>
        Assert.Equal(expected, CSharpNames.EscapeKeyword(name));

    [Theory]
    [InlineData("leaderboard-snapshot", "LeaderboardSnapshot")]
    [InlineData("DB_HOST", "DbHost")]
    [InlineData("dbHost", "DbHost")]
    [InlineData("1st", "_1st")]
    [InlineData("prod/db", "ProdDb")]
    [InlineData("evil */ name\u2028class X {}", "EvilNameClassX")]
    [InlineData("", "Fallback")]
    [InlineData("\u00e9t\u00e9 \u2603", "T")]
    [InlineData("HTTPApi", "HttpApi")]
    public void Maps_plan_names_to_pascal_identifiers(string name, string expected) =>
        Assert.Equal(expected, CSharpNames.ToIdentifier(name, "Fallback"));

    [Fact]
    public void De_duplicates_names_that_collapse_to_one_identifier()
    {
        var scope = new NameScope();
        var names = new[] { "DB_HOST", "DbHost", "db-host" }.Select(n => scope.Claim(CSharpNames.ToIdentifier(n, "X"))).ToList();
        Assert.Equal(["DbHost", "DbHost2", "DbHost3"], names);
    }

    [Fact]
    public void Reserved_names_are_never_handed_out()
    {
        var scope = new NameScope("Vpc");
        Assert.Equal("Vpc2", scope.Claim("Vpc"));
    }

    [Fact]
    public void Adds_a_kind_suffix_once()
    {
        Assert.Equal("SnapshotsBucket", CSharpNames.WithSuffix("snapshots-bucket", "Bucket", "Bucket"));
        Assert.Equal("SnapshotsBucket", CSharpNames.WithSuffix("snapshots", "Bucket", "Bucket"));
        Assert.Equal("Bucket", CSharpNames.WithSuffix("", "Bucket", "Bucket"));
    }

    [Fact]
    public void Any_text_becomes_a_valid_identifier() =>
        Gen.String.Sample(text =>
        {
            var identifier = CSharpNames.ToIdentifier(text, "Fallback");
            Assert.True(CSharpNames.IsValid(identifier), identifier);
            var tree = CSharpSyntaxTree.ParseText($"class {identifier} {{ }}");
            Assert.Empty(tree.GetDiagnostics());
        });
}

public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("snapshot.py", "leaderboard-snapshot", true)]
    [InlineData("Leaderboard Snapshot", "leaderboard-snapshot", true)]
    [InlineData("LEADERBOARD_SNAPSHOTS", "leaderboard-snapshot", true)]
    [InlineData("matchmaker", "match-maker", true)]
    [InlineData("billing-worker", "leaderboard-snapshot", false)]
    [InlineData("", "leaderboard-snapshot", false)]
    public void Matches_names_tolerantly(string reference, string name, bool expected) =>
        Assert.Equal(expected, NameMatcher.Matches(reference, name));
}

public sealed class CSharpTextTests
{
    public static TheoryData<string> HostileStrings =>
    [
        "quote\" and \\ backslash",
        "trailing backslash \\",
        "line\u2028separator",
        "para\u2029graph",
        "next\u0085line",
        "cr\rlf\n",
        "nul\0byte",
        "lone \uD800 surrogate",
        "bidi \u202E override",
        "zero\u200Bwidth",
        "*/ /* // comment",
        "{{ liquid }} {% tag %} {0}",
        SamplePlans.HostileValue,
    ];

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Literal_round_trips_the_exact_value(string value) => AssertLiteralRoundTrips(value);

    [Fact]
    public void Literal_round_trips_any_string() => Gen.String.Sample(AssertLiteralRoundTrips);

    [Fact]
    public void Literal_round_trips_any_utf16_sequence() =>
        Gen.Char.Array[0, 30].Select(chars => new string(chars)).Sample(AssertLiteralRoundTrips);

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Comment_text_cannot_end_the_comment_or_add_code(string value) => AssertCommentIsInert(value);

    [Fact]
    public void Comment_text_is_inert_for_any_string() =>
        Gen.Char.Array[0, 30].Select(chars => new string(chars)).Sample(AssertCommentIsInert);

    private static void AssertLiteralRoundTrips(string value)
    {
        var tree = CSharpSyntaxTree.ParseText($"class C {{ const string S = {CSharpText.Literal(value)}; }}");
        Assert.Empty(tree.GetDiagnostics());
        var literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single();
        Assert.Equal(value, literal.Token.ValueText);
    }

    private static void AssertCommentIsInert(string value)
    {
        var comment = CSharpText.Comment(value);
        var tree = CSharpSyntaxTree.ParseText($"// {comment}\nclass C {{ }}\n/* {comment} */\n");
        Assert.Empty(tree.GetDiagnostics());
        var root = tree.GetCompilationUnitRoot();
        Assert.Equal("C", Assert.IsType<ClassDeclarationSyntax>(Assert.Single(root.Members)).Identifier.Text);
        Assert.Empty(((ClassDeclarationSyntax)root.Members[0]).Members);
        Assert.DoesNotContain(root.DescendantTrivia(), t => t.IsKind(SyntaxKind.EndOfLineTrivia) && t.SpanStart < 3 + comment.Length);
    }
}

public sealed class MarkdownTextTests
{
    [Fact]
    public void Inline_text_stays_on_one_table_cell()
    {
        var text = MarkdownText.Inline("a | b\nc\u2028d *e* `f` <g>");
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\u2028', text);
        Assert.Equal("a \\| b c d \\*e\\* \\`f\\` \\<g\\>", text);
    }

    [Fact]
    public void Code_span_outgrows_backticks_in_the_value()
    {
        Assert.Equal("``a`b``", MarkdownText.Code("a`b"));
        Assert.Equal("`a \\| b`", MarkdownText.Code("a | b"));
    }
}
