using ArchPlan.Common;
using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class SecretFieldRuleTests
{
    [Fact]
    public void Reports_a_JSON_field_with_a_colon()
    {
        var secret = Secret("shop/db", 37, format: "JSON: {user:name, password}") with { JsonFields = new[] { "user:name", "password" } };

        var diagnostic = Assert.Single(Run(new SecretFieldRule(), Plan(secrets: [secret])));

        Assert.Equal("AP2028", diagnostic.Id);
        Assert.Equal(37, diagnostic.Location.Line);
        Assert.Contains("'user:name'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_ordinary_fields()
    {
        var secret = Secret("shop/db") with { JsonFields = new[] { "username", "password" } };

        Assert.Empty(Run(new SecretFieldRule(), Plan(secrets: [secret])));
    }
}

public sealed class UnnamedSecretReferenceTests
{
    [Fact]
    public void Warns_when_no_secret_matches_a_variable_read_from_Secrets_Manager()
    {
        var plan = Plan(
            resources: [Lambda("cart-api")],
            variables: [FromSecret("SEARCH_TOKEN", secret: null, line: 31)],
            secrets: [Secret("shop/payments/api-key"), Secret("shop/analytics/token")],
            product: "shop");

        var diagnostic = Assert.Single(Run(new SecretReferenceRule(), plan));

        Assert.Equal("AP2026", diagnostic.Id);
        Assert.Contains("shop/search-token", diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_a_secret_by_the_variables_words_or_a_JSON_field()
    {
        var plan = Plan(
            resources: [Lambda("cart-api")],
            variables: [FromSecret("PAYMENTS_API_KEY", secret: null), FromSecret("DB_PASSWORD", secret: null), FromSecret("DB_USER", secret: null)],
            secrets: [Secret("shop/payments/api-key"), Secret("shop/db") with { JsonFields = new[] { "username", "password" } }]);

        Assert.Empty(Run(new SecretReferenceRule(), plan));
    }
}

public sealed class PrivateKeyBlockRuleTests
{
    private const string Body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

    [Fact]
    public void Reports_a_private_key_block_in_a_code_fence_at_its_first_line()
    {
        var text = "# Keys\n\n```\n-----BEGIN " + "PRIVATE KEY-----\n" + Body + "\n" + Body + "\n-----END PRIVATE KEY-----\n```\n";

        var diagnostic = Assert.Single(Run(new PrivateKeyBlockRule(), Plan(), text));

        Assert.Equal("AP2033", diagnostic.Id);
        Assert.Equal((4, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.DoesNotContain(Body, diagnostic.Message + diagnostic.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n-----END PRIVATE KEY-----\n")]
    [InlineData("Store the key as PEM (-----BEGIN PRIVATE KEY-----).\n")]
    public void Passes_illustrations_of_a_key(string text)
    {
        Assert.Empty(Run(new PrivateKeyBlockRule(), Plan(), text));
    }
}

public sealed class HiddenCharacterRuleTests
{
    [Fact]
    public void Reports_one_bidi_control_per_line_at_its_column()
    {
        const string text = "# Plan\n| `MODE` | a\u202Eb \u202E | `x\u202E` |\n";

        var diagnostic = Assert.Single(Run(new HiddenCharacterRule(), Plan(), text));

        Assert.Equal("AP2034", diagnostic.Id);
        Assert.Equal((2, 13), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("U+202E", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_terminal_escape_without_printing_it()
    {
        const string text = "line one\r\nred \u001b[31m text\r\n";

        var diagnostic = Assert.Single(Run(new HiddenCharacterRule(), Plan(), text));

        Assert.Equal("AP2035", diagnostic.Id);
        Assert.Equal((2, 5), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.DoesNotContain('\u001b', diagnostic.Message + diagnostic.Help);
    }

    [Fact]
    public void Passes_tabs_line_endings_and_the_separators_the_generator_escapes()
    {
        const string text = "a\tb\r\nc\rd\n e\u2028f\u2029g\u0085h\n";

        Assert.Empty(Run(new HiddenCharacterRule(), Plan(), text));
    }

    [Fact]
    public void Counts_a_lone_CR_as_a_line_ending()
    {
        const string text = "one\rtwo\r\nthree\n\u0007";

        Assert.Equal(4, Assert.Single(Run(new HiddenCharacterRule(), Plan(), text)).Location.Line);
    }
}

public sealed class ShownTests
{
    [Fact]
    public void Escapes_invisible_characters_and_shortens_long_text()
    {
        Assert.Equal("A<U+200B>B<U+202E>C<U+001B>", ArchPlan.Validation.Shown.Text("A\u200BB\u202EC\u001B"));
        var shown = ArchPlan.Validation.Shown.Text(new string('a', 525));
        Assert.True(shown.Length < 100);
        Assert.EndsWith("(525 characters)", shown, StringComparison.Ordinal);
        Assert.Equal("café/ü", ArchPlan.Validation.Shown.Text("café/ü"));
    }
}
