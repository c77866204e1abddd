using ArchPlan.Validation;

namespace ArchPlan.Tests.Validation;

/// <summary>The credential forms issue 12 found missing, their look-alikes, and the redaction every output uses.</summary>
public sealed class CredentialPatternTests
{
    public static TheoryData<string, CredentialKind, string> New => CredentialPatterns.New;

    public static TheoryData<string> LookAlikes => CredentialPatterns.LookAlikes;

    [Theory]
    [MemberData(nameof(New))]
    public void Recognises_each_new_form_alone_and_inside_text(string value, CredentialKind kind, string secret)
    {
        Assert.Equal(kind, CredentialScanner.Scan(value));
        Assert.Equal(kind, CredentialScanner.Scan("set it to " + value + " before deploying"));
        Assert.Contains(secret, value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Leaves_look_alikes_alone(string value)
    {
        Assert.Null(CredentialScanner.Scan(value));
        Assert.Equal(value, SafeText.Redact(value));
    }

    [Theory]
    [MemberData(nameof(New))]
    public void Redaction_replaces_the_secret_part_and_keeps_the_rest(string value, CredentialKind kind, string secret)
    {
        var redacted = SafeText.Redact("before " + value + " after");

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SafeText.Marker(kind), redacted, StringComparison.Ordinal);
        Assert.StartsWith("before ", redacted, StringComparison.Ordinal);
        Assert.EndsWith(" after", redacted, StringComparison.Ordinal);
        Assert.Null(CredentialScanner.Scan(redacted));
    }

    [Fact]
    public void A_url_keeps_its_user_and_host_and_loses_its_password()
    {
        Assert.Equal("postgres://app:<redacted: password in a connection string>@db.internal:5432/app", SafeText.Redact(CredentialPatterns.UrlPasswordWithSlash));
    }

    [Fact]
    public void Every_credential_in_a_text_is_redacted_not_only_the_first()
    {
        var text = $"{CredentialPatterns.AwsKeyId} and {CredentialPatterns.Npm} and {CredentialPatterns.GitLab}";

        var redacted = SafeText.Redact(text);

        Assert.Equal("<redacted: AWS access key id> and <redacted: npm token> and <redacted: GitLab token>", redacted);
        Assert.Equal(3, CredentialScanner.Find(text).Count);
    }

    [Fact]
    public void A_private_key_is_redacted_up_to_its_end_line()
    {
        var body = "MIIEowIBAAKCAQEA7vQmX2pLk9sT4rY8nW3cB6hJ1fD5gZ0a\nFAKEfakeFAKEfake0123456789\n";
        var key = "-----BEGIN RSA " + "PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";

        var redacted = SafeText.Redact(key);

        Assert.DoesNotContain("FAKEfake", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIEow", redacted, StringComparison.Ordinal);
        Assert.EndsWith("-----END RSA PRIVATE KEY-----", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u009b31m")]
    [InlineData("\u001b[1;31m")]
    [InlineData("\u001b]0;")]
    [InlineData("\u0007")]
    public void A_terminal_escape_before_a_key_hides_it_neither_from_check_nor_from_redaction(string escape)
    {
        var value = escape + CredentialPatterns.AwsKeyId + "\u001b[0m";

        Assert.Equal(CredentialKind.AwsAccessKeyId, CredentialScanner.Scan(value));
        Assert.DoesNotContain(CredentialPatterns.AwsKeyId, SafeText.ForDisplay(value), StringComparison.Ordinal);
    }

    [Fact]
    public void Display_text_shows_terminal_controls_as_code_points()
    {
        Assert.Equal("<U+001B>]0;owned<U+0007><U+001B>[2J<U+009B>31m", SafeText.ForDisplay("\u001b]0;owned\u0007\u001b[2J\u009b31m"));
        Assert.Equal("a\tb<U+001B>\nc", SafeText.ForDisplayLines("a\tb\u001b\nc"));
    }

    [Theory]
    [InlineData("plain", null)]
    [InlineData("tab\tand\r\nlines", null)]
    [InlineData("nul\0", 0x00)]
    [InlineData("esc\u001b[2J", 0x1B)]
    [InlineData("bel\u0007", 0x07)]
    [InlineData("csi\u009b", 0x9B)]
    [InlineData("rlo\u202e", 0x202E)]
    [InlineData("nel\u0085 is text", null)]
    public void Knows_which_characters_a_plan_cannot_hold(string text, int? expected)
    {
        Assert.Equal(expected, SafeText.FirstUnwritable(text));
    }
}
