using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ArchPlan.Validation;

/// <summary>Recognises real-looking credentials in plan text, and tells them from placeholders.</summary>
/// <remarks>
/// Each pattern finds a candidate and names the part that is the secret; a candidate whose secret part
/// is a placeholder (<c>…EXAMPLE</c>, <c>XXXX</c>, <c>&lt;your-password&gt;</c>, <c>${DB_PASSWORD}</c>,
/// <c>{secret}</c>, <c>changeme</c>, <c>...</c>, a UUID) is not a credential. Patterns run from the most
/// specific to the most general, so a value gets the most precise kind.
/// </remarks>
public static partial class CredentialScanner
{
    private static readonly FrozenSet<string> PlaceholderWords = new[]
    {
        "password", "pass", "passwd", "pwd", "secret", "token", "apikey", "key", "test", "none", "null",
        "empty", "todo", "tbd", "user", "username", "value", "string",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] PlaceholderMarkers =
    [
        "example", "sample", "dummy", "placeholder", "changeme", "changeit", "redacted", "your", "replace",
        "xxxx", "****", "...", "\u2026",
    ];

    /// <summary>The kind of credential <paramref name="value"/> contains, or null when it has none.</summary>
    public static CredentialKind? Scan(string value) => Scan(value, null);

    /// <summary>
    /// The kind of credential <paramref name="value"/> contains, or null. <paramref name="context"/> is
    /// the text around the value (a variable's name and description): a bare 40-character key counts
    /// only next to an aws, secret or key word.
    /// </summary>
    public static CredentialKind? Scan(string value, string? context)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Finds(PrivateKeyPattern(), value, LooksLikeBase64Noise))
        {
            return CredentialKind.PrivateKey;
        }
        if (Finds(AccessKeyIdPattern(), value))
        {
            return CredentialKind.AwsAccessKeyId;
        }
        if (Finds(GitHubTokenPattern(), value))
        {
            return CredentialKind.GitHubToken;
        }
        if (Finds(SlackTokenPattern(), value))
        {
            return CredentialKind.SlackToken;
        }
        if (Finds(StripeKeyPattern(), value))
        {
            return CredentialKind.StripeLiveKey;
        }
        if (Finds(JwtPattern(), value))
        {
            return CredentialKind.JsonWebToken;
        }
        if (SecretKeyWord().IsMatch(value + " " + context) && Finds(SecretAccessKeyPattern(), value, LooksLikeBase64Noise))
        {
            return CredentialKind.AwsSecretAccessKey;
        }

        // An ARN is a reference, and its "secret:name" segment would read as a keyword-led value.
        value = ArnPattern().Replace(value, " ");
        if (Finds(UrlPasswordPattern(), value) || (value.Contains(';', StringComparison.Ordinal) && Finds(KeyValuePasswordPattern(), value)))
        {
            return CredentialKind.ConnectionStringPassword;
        }
        if (Finds(KeywordPattern(), value, LooksRandom))
        {
            return CredentialKind.KeywordSecret;
        }
        return null;
    }

    /// <summary>A short name for a kind, for messages (never the value itself).</summary>
    public static string Describe(CredentialKind kind) => kind switch
    {
        CredentialKind.AwsAccessKeyId => "AWS access key id",
        CredentialKind.AwsSecretAccessKey => "AWS secret access key",
        CredentialKind.PrivateKey => "private key",
        CredentialKind.ConnectionStringPassword => "password in a connection string",
        CredentialKind.KeywordSecret => "password or key after a keyword",
        CredentialKind.GitHubToken => "GitHub token",
        CredentialKind.SlackToken => "Slack token",
        CredentialKind.StripeLiveKey => "Stripe live key",
        CredentialKind.JsonWebToken => "JSON Web Token",
        _ => kind.ToString(),
    };

    /// <summary>True when <paramref name="secret"/> is a stand-in for a value rather than a value.</summary>
    internal static bool IsPlaceholder(string secret)
    {
        var text = secret.Trim().Trim('"', '\'', '`');
        if (text.Length == 0 || text[0] is '<' or '{' or '$' or '%' or '[' or '(')
        {
            return true;
        }
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal))
        {
            return true;
        }
        if (PlaceholderMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        if (Uuid().IsMatch(text) || text.All(c => c == text[0]))
        {
            return true;
        }
        var letters = new string([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
        return PlaceholderWords.Contains(letters);
    }

    private static bool Finds(Regex pattern, string value, Func<string, bool>? accept = null)
    {
        foreach (Match match in pattern.Matches(value))
        {
            var secret = match.Groups["secret"].Success ? match.Groups["secret"].Value : match.Value;
            if (!IsPlaceholder(secret) && (accept is null || accept(secret)))
            {
                return true;
            }
        }
        return false;
    }

    // Real secret keys and key bodies are base64 noise: upper and lower case and digits. This keeps
    // out hex digests and words that happen to be long.
    private static bool LooksLikeBase64Noise(string secret) =>
        secret.Any(char.IsAsciiLetterUpper) && secret.Any(char.IsAsciiLetterLower) && secret.Any(char.IsAsciiDigit);

    // After a keyword, prose is common ("password: Required", "token: see-the-wiki"): a secret has to be
    // at least six characters and more than one lowercase or capitalised word.
    private static bool LooksRandom(string secret)
    {
        var text = secret.Trim('"', '\'');
        if (text.Length < 6 || text[0] == '/')
        {
            return false;
        }
        return !Words().IsMatch(text);
    }

    /// <summary>A BEGIN line and the start of a base64 body (a prose "-----BEGIN PRIVATE KEY----- followed by …" has none).</summary>
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?<secret>[A-Za-z0-9+/=]{24,})")]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])")]
    private static partial Regex AccessKeyIdPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHubTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{16,}")]
    private static partial Regex StripeKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")]
    private static partial Regex SecretAccessKeyPattern();

    [GeneratedRegex(@"aws|secret|key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyWord();

    /// <summary><c>scheme://user:password@host</c> (the user may be empty, as in <c>redis://:pw@host</c>).</summary>
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@]*:(?<secret>[^\s@/]+)@")]
    private static partial Regex UrlPasswordPattern();

    /// <summary><c>Password=…;</c> or <c>Pwd=…</c> in a <c>key=value;</c> connection string.</summary>
    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<secret>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePasswordPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:client[_-]?secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret[_-]?key|private[_-]?key|password|passwd|pwd|secret|token)\s*[=:]\s*[""']?(?<secret>[^\s""',;&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordPattern();

    [GeneratedRegex(@"arn:aws[a-z-]*:\S*")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^(?:[a-z]+(?:[-_.][a-z]+)*|[A-Z][a-z]+)\z")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z")]
    private static partial Regex Uuid();
}
