using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace ArchPlan.Validation;

/// <summary>Where a credential sits in a piece of text: the part that is secret, and its kind.</summary>
/// <param name="Kind">What kind of credential it is.</param>
/// <param name="Index">Where the secret part starts.</param>
/// <param name="Length">How long the secret part is (for a private key: up to its END line, or the end of the text).</param>
public readonly record struct CredentialMatch(CredentialKind Kind, int Index, int Length);

/// <summary>Recognises real-looking credentials in plan text, and tells them from placeholders.</summary>
/// <remarks>
/// Each pattern finds a candidate and names the part that is the secret; a candidate whose secret part
/// is a placeholder (<c>…EXAMPLE</c>, <c>XXXX</c>, <c>&lt;your-password&gt;</c>, <c>${DB_PASSWORD}</c>,
/// <c>{secret}</c>, <c>changeme</c>, <c>...</c>, a UUID) is not a credential. Patterns run from the most
/// specific to the most general, so a value gets the most precise kind. The same patterns decide what
/// <see cref="SafeText"/> hides in everything ArchPlan prints or writes.
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

    /// <summary>How a pattern is applied.</summary>
    private enum Where
    {
        /// <summary>On the text as written.</summary>
        Anywhere,

        /// <summary>Only when the text or its context has an aws, secret or key word.</summary>
        NextToKeyWord,

        /// <summary>On the text with ARNs blanked: an ARN is a reference, and its <c>secret:name</c> segment would read as a keyword-led value.</summary>
        OutsideArns,

        /// <summary>As <see cref="OutsideArns"/>, and only in <c>key=value;</c> text.</summary>
        KeyValueList,
    }

    private sealed record Rule(CredentialKind Kind, Regex Pattern, Where Where, Func<string, bool>? Accept = null);

    // Most specific first: the first rule that finds something names the kind.
    private static readonly Rule[] Rules =
    [
        new(CredentialKind.PrivateKey, PrivateKeyPattern(), Where.Anywhere, LooksLikeBase64Noise),
        new(CredentialKind.AwsAccessKeyId, AccessKeyIdPattern(), Where.Anywhere),
        new(CredentialKind.GitHubToken, GitHubTokenPattern(), Where.Anywhere),
        new(CredentialKind.GitLabToken, GitLabTokenPattern(), Where.Anywhere, HasLetterAndDigit),
        new(CredentialKind.SlackWebhookUrl, SlackWebhookPattern(), Where.Anywhere, HasLetterAndDigit),
        new(CredentialKind.SlackToken, SlackTokenPattern(), Where.Anywhere),
        new(CredentialKind.StripeLiveKey, StripeKeyPattern(), Where.Anywhere),
        new(CredentialKind.SendGridApiKey, SendGridKeyPattern(), Where.Anywhere, HasLetterAndDigit),
        new(CredentialKind.OpenAiApiKey, OpenAiKeyPattern(), Where.Anywhere, HasLetterAndDigit),
        new(CredentialKind.NpmToken, NpmTokenPattern(), Where.Anywhere, HasLetterAndDigit),
        new(CredentialKind.GoogleApiKey, GoogleApiKeyPattern(), Where.Anywhere, HasLetterAndDigit),
        new(CredentialKind.JsonWebToken, JwtPattern(), Where.Anywhere),
        new(CredentialKind.AwsSecretAccessKey, SecretAccessKeyPattern(), Where.NextToKeyWord, LooksLikeBase64Noise),
        new(CredentialKind.BasicAuthCredentials, BasicAuthPattern(), Where.Anywhere, IsBasicCredentials),
        new(CredentialKind.ConnectionStringPassword, UrlPasswordPattern(), Where.OutsideArns, IsUrlPassword),
        new(CredentialKind.ConnectionStringPassword, KeyValuePasswordPattern(), Where.KeyValueList),
        new(CredentialKind.KeywordSecret, KeywordPattern(), Where.OutsideArns, LooksRandom),
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
        value = Visible(value);
        string? withoutArns = null;
        foreach (var rule in Rules)
        {
            if (Matches(rule, value, context, ref withoutArns).Any())
            {
                return rule.Kind;
            }
        }
        return null;
    }

    /// <summary>Every credential in <paramref name="value"/>, by position (overlapping matches of less specific patterns left out).</summary>
    public static IReadOnlyList<CredentialMatch> Find(string value, string? context = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }
        value = Visible(value);
        var found = new List<CredentialMatch>();
        string? withoutArns = null;
        foreach (var rule in Rules)
        {
            foreach (var match in Matches(rule, value, context, ref withoutArns))
            {
                if (!found.Exists(f => f.Index < match.Index + match.Length && match.Index < f.Index + f.Length))
                {
                    found.Add(match);
                }
            }
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
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
        CredentialKind.SlackWebhookUrl => "Slack webhook URL",
        CredentialKind.GitLabToken => "GitLab token",
        CredentialKind.GoogleApiKey => "Google API key",
        CredentialKind.SendGridApiKey => "SendGrid API key",
        CredentialKind.OpenAiApiKey => "OpenAI API key",
        CredentialKind.NpmToken => "npm token",
        CredentialKind.BasicAuthCredentials => "HTTP Basic credentials",
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

    private static IEnumerable<CredentialMatch> Matches(Rule rule, string value, string? context, ref string? withoutArns)
    {
        string text;
        switch (rule.Where)
        {
            case Where.NextToKeyWord:
                if (!SecretKeyWord().IsMatch(value) && (context is null || !SecretKeyWord().IsMatch(context)))
                {
                    return [];
                }
                text = value;
                break;
            case Where.OutsideArns:
                text = withoutArns ??= BlankArns(value);
                break;
            case Where.KeyValueList:
                if (!value.Contains(';', StringComparison.Ordinal))
                {
                    return [];
                }
                text = withoutArns ??= BlankArns(value);
                break;
            default:
                text = value;
                break;
        }
        List<CredentialMatch>? found = null;
        foreach (Match match in rule.Pattern.Matches(text))
        {
            var group = match.Groups["secret"];
            var secret = group.Success ? group.Value : match.Value;
            if (IsPlaceholder(secret) || (rule.Accept is not null && !rule.Accept(secret)))
            {
                continue;
            }
            var start = group.Success ? group.Index : match.Index;
            var end = start + secret.Length;
            if (rule.Kind == CredentialKind.PrivateKey)
            {
                // The whole body, not only the part the pattern needed to see.
                var close = text.IndexOf("-----END", end, StringComparison.Ordinal);
                end = close < 0 ? text.Length : close;
            }
            (found ??= []).Add(new CredentialMatch(rule.Kind, start, end - start));
        }
        return found ?? (IEnumerable<CredentialMatch>)[];
    }

    /// <summary>
    /// The text as a terminal shows it, position for position: CSI sequences (<c>ESC [ 31 m</c>, whose parameters cannot
    /// hold a secret) and other control characters become spaces, so <c>CSI 31m</c> before a key hides neither the key
    /// nor where it starts. The text of an OSC (a window title) stays: it may hold one.
    /// </summary>
    private static string Visible(string value) =>
        value.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0 && value.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0
            ? value
            : TerminalSequence().Replace(value, m => new string(' ', m.Length));

    /// <summary>The text with every ARN replaced by as many spaces, so positions stay those of the original.</summary>
    private static string BlankArns(string value) =>
        ArnPattern().Replace(value, m => new string(' ', m.Length));

    // Real secret keys and key bodies are base64 noise: upper and lower case and digits. This keeps
    // out hex digests and words that happen to be long.
    private static bool LooksLikeBase64Noise(string secret) =>
        secret.Any(char.IsAsciiLetterUpper) && secret.Any(char.IsAsciiLetterLower) && secret.Any(char.IsAsciiDigit);

    // Issued tokens mix letters and digits; a run of one (glpat-aaaaaaaa…, npm_abcdefgh…) is prose or a stand-in.
    private static bool HasLetterAndDigit(string secret) =>
        secret.Any(char.IsAsciiLetter) && secret.Any(char.IsAsciiDigit);

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

    /// <summary>
    /// A URL's password, told from a port and path (<c>https://host:8080/a@b</c>). Passwords may hold <c>/</c>
    /// (people rarely percent-encode it), so the part before the first <c>/</c> must not be a port number.
    /// </summary>
    private static bool IsUrlPassword(string secret)
    {
        var slash = secret.IndexOf('/', StringComparison.Ordinal);
        var head = slash < 0 ? secret : secret[..slash];
        return !(slash >= 0 && head.Length > 0 && head.All(char.IsAsciiDigit));
    }

    /// <summary>Base64 after <c>Basic</c> that decodes to printable <c>user:password</c> whose password is not a stand-in.</summary>
    private static bool IsBasicCredentials(string secret)
    {
        var padded = secret.Length % 4 == 0 ? secret : secret + new string('=', 4 - (secret.Length % 4));
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || decoded.Any(char.IsControl))
        {
            return false;
        }
        var password = decoded[(colon + 1)..];
        return password.Length > 0 && !IsPlaceholder(password);
    }

    /// <summary>A BEGIN line and the start of a base64 body (a prose "-----BEGIN PRIVATE KEY----- followed by …" has none).</summary>
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?<secret>[A-Za-z0-9+/=]{24,})")]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])")]
    private static partial Regex AccessKeyIdPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHubTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}")]
    private static partial Regex GitLabTokenPattern();

    /// <summary>An incoming webhook: whoever has the URL can post to the channel.</summary>
    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_/-]{8,})")]
    private static partial Regex SlackWebhookPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex SendGridKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})")]
    private static partial Regex OpenAiKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])")]
    private static partial Regex NpmTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")]
    private static partial Regex GoogleApiKeyPattern();

    /// <summary><c>Basic</c> and base64 (any case, as HTTP allows); whether it decodes to <c>user:password</c> is checked after.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?i:basic)\s+(?<secret>[A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])")]
    private static partial Regex BasicAuthPattern();

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

    /// <summary><c>scheme://user:password@host</c> (the user may be empty, as in <c>redis://:pw@host</c>; the password may hold <c>/</c>).</summary>
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@]*:(?<secret>[^\s@]+)@")]
    private static partial Regex UrlPasswordPattern();

    /// <summary><c>Password=…;</c> or <c>Pwd=…</c> in a <c>key=value;</c> connection string.</summary>
    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<secret>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePasswordPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:client[_-]?secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret[_-]?key|private[_-]?key|password|passwd|pwd|secret|token)\s*[=:]\s*[""']?(?<secret>[^\s""',;&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordPattern();

    [GeneratedRegex(@"(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]?|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]")]
    private static partial Regex TerminalSequence();

    [GeneratedRegex(@"arn:aws[a-z-]*:\S*")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^(?:[a-z]+(?:[-_.][a-z]+)*|[A-Z][a-z]+)\z")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z")]
    private static partial Regex Uuid();
}
