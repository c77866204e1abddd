using System.Text;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>What a value cell says: a default, values per environment, words that give no value, or an unreadable mix.</summary>
/// <param name="Default">The value that applies when no environment-specific one does.</param>
/// <param name="PerEnvironment">Values tied to environments by the cell's own words (<c>`debug` (dev), `info` (prod)</c>), in the cell's order.</param>
/// <param name="Prose">For a cell of words that give no value ("Empty (no allowlist by default)"): the words, to keep in the description.</param>
/// <param name="Ambiguous">True when the cell mixes value(s) and words that cannot be split into one value or one per environment.</param>
internal sealed record ValueCellReading(ValueSpec Default, IReadOnlyList<(string Environment, ValueSpec Value)> PerEnvironment, string? Prose, bool Ambiguous)
{
    /// <summary>True for a placeholder the stack or the deployer fills in (<c>&lt;computed&gt;</c>, <c>&lt;from your AWS profile&gt;</c>): no value.</summary>
    public bool Placeholder { get; init; }

    public static ValueCellReading None { get; } = new(ValueSpec.None, [], null, false);

    public static ValueCellReading Of(ValueSpec value) => new(value, [], null, false);
}

/// <summary>
/// Reads a value cell given as text whose code spans keep their backticks (<see cref="InlineText.Marked"/>). The rule,
/// also in the README ("How plans are read"):
/// <list type="number">
/// <item>nothing (<c>-</c>, <c>n/a</c>, <c>none</c>) and sources (<c>_(from RDS)_</c>, <c>_(Secrets Manager)_</c>) as before;</item>
/// <item>values tied to environments (<c>`debug` (dev), `info` (prod)</c>, <c>dev: `debug`; prod: `info`</c>,
/// <c>`debug` in dev, `info` otherwise</c>) are one value per environment, and a value for "default"/"otherwise" the default;</item>
/// <item>one value — a code span, a quoted string, one word or number (with its unit) — is the literal, also with a note
/// that names no environment and sets no condition (<c>`30` (seconds)</c>, <c>Defaults to `info`</c>);</item>
/// <item>words with no code span or quoted value ("Empty (no allowlist by default)", "Uses AWS Secrets Manager if not set"),
/// or words that start by saying the value is empty, give no value: the words go to the description;</item>
/// <item>anything else (<c>`debug` or `info`</c>, <c>`30` unless overridden</c>, two values for three environments) is
/// ambiguous: no value, and an error that asks for one value or one per environment.</item>
/// </list>
/// </summary>
internal static partial class ValueCell
{
    private static readonly HashSet<string> EmptyWords = new(StringComparer.OrdinalIgnoreCase)
        { "empty", "blank", "unset", "none", "nothing", "not", "no", "n/a", "omitted", "absent", "(empty)", "(none)", "(unset)" };

    private static readonly HashSet<string> ConditionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "unless", "when", "whenever", "otherwise", "depending", "depends", "or", "except", "until", "else", "only", "varies",
        "per", "either", "override", "overridden", "overrides", "instead", "but", "while", "after", "before", "once",
    };

    private static readonly HashSet<string> DefaultWords = new(StringComparer.OrdinalIgnoreCase)
        { "default", "otherwise", "elsewhere", "others", "other", "rest", "all", "everywhere", "else" };

    private static readonly HashSet<string> LeadWords = new(StringComparer.OrdinalIgnoreCase)
        { "default", "defaults", "to", "is", "e.g", "e.g.", "eg", "eg.", "example", "for", "such", "as", "like", "i.e", "i.e.", "usually", "typically", "recommended", "set", "fixed", "always" };

    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ms", "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
        "hrs", "hour", "hours", "day", "days", "week", "weeks", "kb", "kib", "mb", "mib", "gb", "gib", "tb", "%", "percent", "items",
        "rows", "requests", "connections", "retries", "attempts", "times", "bytes", "chars", "characters", "rps", "rpm",
    };

    /// <summary>Reads one value cell; <paramref name="environments"/> are the environments its column's header names, in order.</summary>
    public static ValueCellReading Read(string marked, IReadOnlyList<string>? environments = null)
    {
        // The common cell, one code span (`50`), is the literal: no need to take it apart.
        var trimmed = marked.AsSpan().Trim();
        if (trimmed.Length > 2 && trimmed[0] == '`' && trimmed[^1] == '`' && trimmed[1..^1].IndexOf('`') < 0 && environments is not { Count: > 1 })
        {
            var literal = InlineText.Restore(trimmed[1..^1].Trim().ToString());
            return CellValues.IsEmpty(literal) ? ValueCellReading.None
                : literal.Length > 2 && literal[0] == '<' && literal[^1] == '>' ? ValueCellReading.None with { Placeholder = true }
                : ValueCellReading.Of(CellValues.ParseValue(literal));
        }
        var plain = Unmark(marked).Trim();
        if (CellValues.IsEmpty(plain))
        {
            return ValueCellReading.None;
        }
        if (plain.TrimEnd('.').ToLowerInvariant() is "empty" or "blank" or "unset" or "not set" or "nothing" or "(blank)" or "(not set)")
        {
            return ValueCellReading.None;
        }
        var source = CellValues.ParseValue(plain);
        if (source.Kind is ValueKind.FromResource or ValueKind.FromSecret || source.Kind == ValueKind.None)
        {
            return ValueCellReading.Of(source);
        }
        if (plain.Length > 2 && plain[0] == '<' && plain[^1] == '>' && plain.IndexOf('>', StringComparison.Ordinal) == plain.Length - 1)
        {
            return ValueCellReading.None with { Placeholder = true };
        }
        // "Read from Secrets Manager (`acme/<stage>/key`) if not set": the secret it names is where the value comes from.
        if (SecretsManager().IsMatch(plain) && CodeSpans(marked).FirstOrDefault(c => c.Contains('/', StringComparison.Ordinal) || c.StartsWith("arn:", StringComparison.Ordinal)) is { } secret)
        {
            return ValueCellReading.Of(new ValueSpec(ValueKind.FromSecret, plain, Secret: secret));
        }

        var tokens = Tokenize(marked);
        if (tokens.Count == 0)
        {
            return ValueCellReading.None;
        }
        if (TryEnvironments(tokens, out var byEnvironment))
        {
            var defaults = byEnvironment.Where(e => e.Environment is null).Select(e => e.Value).ToList();
            if (defaults.Count <= 1)
            {
                return new ValueCellReading(defaults.Count == 1 ? defaults[0] : ValueSpec.None,
                    [.. byEnvironment.Where(e => e.Environment is not null).Select(e => (e.Environment!, e.Value))], null, false);
            }
            return Ambiguous();
        }
        if (environments is { Count: > 1 } && SplitForColumn(tokens, environments.Count) is { } values)
        {
            return new ValueCellReading(ValueSpec.None, [.. environments.Zip(values, (e, v) => (e, v))], null, false);
        }

        var code = tokens.Count(t => t.Kind is TokenKind.Code or TokenKind.Quoted);
        if (code == 0)
        {
            // One run of characters ("a|b", "dev,prod", "https://…") is one value, whatever punctuation it holds.
            if (IsOneValue(tokens, 0, tokens.Count) || !plain.Any(char.IsWhiteSpace))
            {
                return ValueCellReading.Of(ValueSpec.Literal(plain));
            }
            // "Empty (no allowlist by default)": words on emptiness; "info (recommended)": one word and a note.
            if (tokens[0].Kind == TokenKind.Word && EmptyWords.Contains(tokens[0].Text))
            {
                return new ValueCellReading(ValueSpec.None, [], plain, false);
            }
            if (tokens[0].Kind == TokenKind.Word && IsNote(tokens, 1) && !NamesEnvironment(tokens))
            {
                return ValueCellReading.Of(ValueSpec.Literal(tokens[0].Text));
            }
            return IsProse(plain) ? new ValueCellReading(ValueSpec.None, [], plain, false) : ValueCellReading.Of(ValueSpec.Literal(plain));
        }
        if (tokens[0].Kind == TokenKind.Word && EmptyWords.Contains(tokens[0].Text) && !NamesEnvironment(tokens))
        {
            return new ValueCellReading(ValueSpec.None, [], plain, false);
        }
        if (code == 1)
        {
            var at = tokens.FindIndex(t => t.Kind is TokenKind.Code or TokenKind.Quoted);
            var before = tokens.Take(at).ToList();
            var value = ValueSpec.Literal(tokens[at].Text);
            if (NamesEnvironment(tokens))
            {
                return Ambiguous();
            }
            var leadOk = before.All(t => t.Kind == TokenKind.Colon || (t.Kind == TokenKind.Word && LeadWords.Contains(t.Text)));
            var after = at + 1;
            while (after < tokens.Count && tokens[after].Kind == TokenKind.Word && UnitWords.Contains(tokens[after].Text))
            {
                after++;
            }
            if (leadOk && (after == tokens.Count || IsNote(tokens, after)))
            {
                return ValueCellReading.Of(value);
            }
        }
        return Ambiguous();
    }

    private static IEnumerable<string> CodeSpans(string marked)
    {
        for (var open = marked.IndexOf('`', StringComparison.Ordinal); open >= 0;)
        {
            var close = marked.IndexOf('`', open + 1);
            if (close < 0)
            {
                yield break;
            }
            yield return marked[(open + 1)..close].Trim();
            open = marked.IndexOf('`', close + 1);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"secrets?\s+manager|\bssm\b.*\bsecure", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SecretsManager();

    /// <summary>The text without the backticks that mark code spans.</summary>
    public static string Unmark(string marked) => InlineText.Restore(marked.Replace("`", "", StringComparison.Ordinal));

    private static ValueCellReading Ambiguous() => new(ValueSpec.None, [], null, true);

    /// <summary>
    /// True when the tokens from <paramref name="start"/> are a note on the value: a parenthesis, or words after a dash
    /// or comma, giving no second value and setting no condition.
    /// </summary>
    private static bool IsNote(List<Token> tokens, int start)
    {
        if (start >= tokens.Count)
        {
            return true;
        }
        var first = tokens[start];
        var parenthesis = first.Kind == TokenKind.Open && tokens[^1].Kind == TokenKind.Close;
        var dashed = first.Kind == TokenKind.Separator && first.Text is "—" or "–" or "-" or "," or ";";
        if (!parenthesis && !dashed)
        {
            return false;
        }
        return tokens.Skip(start + 1).All(t => t.Kind is not (TokenKind.Code or TokenKind.Quoted) && !(t.Kind == TokenKind.Word && ConditionWords.Contains(t.Text)));
    }

    /// <summary>
    /// Words that read as a sentence rather than a value: five words or more, or three with a word sentences are made
    /// of ("Uses AWS Secrets Manager if not set", "The account's region"). "hello world" or "Orders API" are values.
    /// </summary>
    private static bool IsProse(string plain)
    {
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('(', ')', ',', ';', '.', ':')).Where(w => w.Any(char.IsLetter)).ToList();
        return words.Count >= 5 || (words.Count >= 3 && words.Any(ProseWords.Contains));
    }

    private static readonly HashSet<string> ProseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "when", "unless", "uses", "use", "used", "set", "see", "by", "from", "of", "the", "a", "an", "to", "is", "are", "not",
        "no", "same", "as", "per", "derived", "generated", "computed", "auto", "automatically", "default", "defaults", "otherwise",
        "falls", "provided", "injected", "via", "with", "for", "on", "in", "at", "taken", "read", "comes", "filled", "created",
    };

    /// <summary>One value: a code span or quoted string, one word, or a number and its unit ("30 seconds", "512 MB").</summary>
    private static bool IsOneValue(List<Token> tokens, int start, int end)
    {
        var count = end - start;
        if (count == 1)
        {
            return tokens[start].Kind is TokenKind.Code or TokenKind.Quoted or TokenKind.Word;
        }
        return count == 2 && tokens[start].Kind == TokenKind.Word && IsNumber(tokens[start].Text)
            && tokens[start + 1].Kind == TokenKind.Word && UnitWords.Contains(tokens[start + 1].Text);
    }

    private static bool IsNumber(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '_' or '-' or '+') && text.Any(char.IsAsciiDigit);

    private static bool NamesEnvironment(List<Token> tokens) =>
        tokens.Any(t => t.Kind == TokenKind.Word && EnvironmentNames.Name(t.Text) is not null);

    /// <summary>Splits a cell under a "Default (dev / staging / prod)" header into one value per environment, in order.</summary>
    private static List<ValueSpec>? SplitForColumn(List<Token> tokens, int count)
    {
        var values = new List<ValueSpec>();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || tokens[i].Kind == TokenKind.Separator)
            {
                if (!IsOneValue(tokens, start, i))
                {
                    return null;
                }
                values.Add(ValueOf(tokens, start, i));
                start = i + 1;
            }
        }
        return values.Count == count ? values : null;
    }

    private static ValueSpec ValueOf(List<Token> tokens, int start, int end) =>
        ValueSpec.Literal(string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text)));

    /// <summary>
    /// Reads the cell as entries that each tie one value to environments: <c>VALUE (ENVS)</c>, <c>VALUE in ENVS</c>,
    /// <c>ENVS: VALUE</c>, and for the default <c>VALUE (default)</c>, <c>VALUE otherwise</c>, <c>default: VALUE</c>.
    /// Entries are separated by commas, semicolons, slashes, "and", or nothing (a line break). Every token must be used.
    /// </summary>
    private static bool TryEnvironments(List<Token> tokens, out List<(string? Environment, ValueSpec Value)> entries)
    {
        entries = [];
        if (!NamesEnvironment(tokens))
        {
            return false;
        }
        var i = 0;
        var tied = false;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind == TokenKind.Separator || IsWord(tokens[i], "and"))
            {
                i++;
                continue;
            }
            if (TryValue(tokens, ref i, out var value))
            {
                // VALUE (ENVS) | VALUE (default) | VALUE in ENVS | VALUE otherwise
                if (i < tokens.Count && tokens[i].Kind == TokenKind.Open)
                {
                    var close = tokens.FindIndex(i, t => t.Kind == TokenKind.Close);
                    if (close < 0)
                    {
                        return false;
                    }
                    var inner = tokens.GetRange(i + 1, close - i - 1);
                    if (Environments(inner) is { } envs)
                    {
                        entries.AddRange(envs.Select(e => ((string?)e, value)));
                        tied = true;
                    }
                    else if (IsDefault(inner))
                    {
                        entries.Add((null, value));
                    }
                    else
                    {
                        return false;
                    }
                    i = close + 1;
                    continue;
                }
                if (i < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i].Text.ToLowerInvariant() is "in" or "for" or "on" or "at")
                {
                    var end = EnvironmentRunEnd(tokens, i + 1);
                    if (Environments(tokens.GetRange(i + 1, end - i - 1)) is { } envs)
                    {
                        entries.AddRange(envs.Select(e => ((string?)e, value)));
                        tied = true;
                        i = end;
                        continue;
                    }
                    if (IsDefault(tokens.GetRange(i + 1, end - i - 1)))
                    {
                        entries.Add((null, value));
                        i = end;
                        continue;
                    }
                    return false;
                }
                var defaultEnd = i;
                while (defaultEnd < tokens.Count && tokens[defaultEnd].Kind == TokenKind.Word && (DefaultWords.Contains(tokens[defaultEnd].Text) || tokens[defaultEnd].Text.Equals("by", StringComparison.OrdinalIgnoreCase)))
                {
                    defaultEnd++;
                }
                if (defaultEnd > i)
                {
                    entries.Add((null, value));
                    i = defaultEnd;
                    continue;
                }
                return false;
            }
            // ENVS: VALUE | default: VALUE | otherwise VALUE
            var colon = tokens.FindIndex(i, t => t.Kind == TokenKind.Colon);
            var run = EnvironmentRunEnd(tokens, i);
            if (run > i && Environments(tokens.GetRange(i, run - i)) is { } named && run < tokens.Count && tokens[run].Kind == TokenKind.Colon)
            {
                var at = run + 1;
                if (!TryValue(tokens, ref at, out var v))
                {
                    return false;
                }
                entries.AddRange(named.Select(e => ((string?)e, v)));
                tied = true;
                i = at;
                continue;
            }
            if (tokens[i].Kind == TokenKind.Word && DefaultWords.Contains(tokens[i].Text))
            {
                var at = colon == i + 1 ? i + 2 : i + 1;
                if (!TryValue(tokens, ref at, out var v))
                {
                    return false;
                }
                entries.Add((null, v));
                i = at;
                continue;
            }
            return false;
        }
        return tied;
    }

    /// <summary>A value: a code span, a quoted string, a number and its unit, or one word that names no environment.</summary>
    private static bool TryValue(List<Token> tokens, ref int i, out ValueSpec value)
    {
        value = ValueSpec.None;
        if (i >= tokens.Count)
        {
            return false;
        }
        var token = tokens[i];
        if (token.Kind is TokenKind.Code or TokenKind.Quoted)
        {
            value = ValueSpec.Literal(token.Text);
            i++;
            return true;
        }
        if (token.Kind != TokenKind.Word || EnvironmentNames.Name(token.Text) is not null || DefaultWords.Contains(token.Text)
            || ConditionWords.Contains(token.Text) || token.Text.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (i + 1 < tokens.Count && IsNumber(token.Text) && tokens[i + 1].Kind == TokenKind.Word && UnitWords.Contains(tokens[i + 1].Text))
        {
            value = ValueSpec.Literal(token.Text + " " + tokens[i + 1].Text);
            i += 2;
            return true;
        }
        value = CellValues.IsEmpty(token.Text) ? ValueSpec.None : ValueSpec.Literal(token.Text);
        i++;
        return true;
    }

    /// <summary>Where a run of environment words ("dev and staging", "dev / staging environments") ends.</summary>
    private static int EnvironmentRunEnd(List<Token> tokens, int start)
    {
        var i = start;
        var last = start;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && (EnvironmentNames.Name(t.Text) is not null || DefaultWords.Contains(t.Text) || t.Text.ToLowerInvariant() is "env" or "envs" or "environment" or "environments" or "only" or "stage" or "stages"))
            {
                i++;
                last = i;
                continue;
            }
            if ((t.Kind == TokenKind.Separator && t.Text is "/" or "&" or "+") || (t.Kind == TokenKind.Word && t.Text.ToLowerInvariant() is "and" or "&"))
            {
                i++;
                continue;
            }
            if (t.Kind == TokenKind.Separator && t.Text == "," && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && EnvironmentNames.Name(tokens[i + 1].Text) is not null
                && !(i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.Colon))
            {
                i++;
                continue;
            }
            break;
        }
        return last;
    }

    /// <summary>The environments a run of words names ("dev / staging", "prod only"), or null when a word is not one.</summary>
    private static List<string>? Environments(List<Token> run)
    {
        var names = new List<string>();
        foreach (var t in run)
        {
            if (t.Kind == TokenKind.Separator || (t.Kind == TokenKind.Word && t.Text.ToLowerInvariant() is "and" or "&" or "env" or "envs" or "environment" or "environments" or "only"))
            {
                continue;
            }
            if (t.Kind != TokenKind.Word || EnvironmentNames.Name(t.Text) is not { } name)
            {
                return null;
            }
            names.Add(name);
        }
        return names.Count > 0 ? names : null;
    }

    private static bool IsDefault(List<Token> run) =>
        run.Count > 0 && run.All(t => t.Kind == TokenKind.Word && (DefaultWords.Contains(t.Text) || t.Text.ToLowerInvariant() is "envs" or "environments" or "by" or "the"))
        && run.Any(t => DefaultWords.Contains(t.Text));

    private static bool IsWord(Token token, string word) => token.Kind == TokenKind.Word && token.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private enum TokenKind
    {
        Code,
        Quoted,
        Word,
        Open,
        Close,
        Separator,
        Colon,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    private static List<Token> Tokenize(string marked)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < marked.Length)
        {
            var c = marked[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '`')
            {
                var close = marked.IndexOf('`', i + 1);
                if (close > i)
                {
                    tokens.Add(new Token(TokenKind.Code, InlineText.Restore(marked[(i + 1)..close])));
                    i = close + 1;
                    continue;
                }
                i++;
                continue;
            }
            if (c is '"' or '“')
            {
                var close = marked.IndexOfAny(['"', '”'], i + 1);
                if (close > i + 1 && !marked.AsSpan(i + 1, close - i - 1).ContainsAny(',', ';'))
                {
                    tokens.Add(new Token(TokenKind.Quoted, marked[(i + 1)..close]));
                    i = close + 1;
                    continue;
                }
            }
            switch (c)
            {
                case '(' or '[':
                    tokens.Add(new Token(TokenKind.Open, c.ToString()));
                    i++;
                    continue;
                case ')' or ']':
                    tokens.Add(new Token(TokenKind.Close, c.ToString()));
                    i++;
                    continue;
                case ',' or ';' or '|' or '—' or '–':
                    tokens.Add(new Token(TokenKind.Separator, c.ToString()));
                    i++;
                    continue;
                case '→' or '=':
                    tokens.Add(new Token(TokenKind.Colon, c.ToString()));
                    i++;
                    continue;
            }
            var start = i;
            var word = new StringBuilder();
            while (i < marked.Length && !char.IsWhiteSpace(marked[i]) && marked[i] is not ('`' or '(' or ')' or '[' or ']' or ',' or ';' or '|' or '=' or '→'))
            {
                word.Append(marked[i]);
                i++;
            }
            if (word.Length == 0)
            {
                i = start + 1;
                continue;
            }
            AddWord(tokens, word.ToString());
        }
        return tokens;
    }

    /// <summary>Adds a word, splitting off what makes it a separator or a label: "dev:" → dev + ':', "dev/staging" → dev / staging, "-" → separator.</summary>
    private static void AddWord(List<Token> tokens, string word)
    {
        if (word is "-" or "/" or "&" or "+")
        {
            tokens.Add(new Token(TokenKind.Separator, word));
            return;
        }
        if (word is "->" or ":")
        {
            tokens.Add(new Token(TokenKind.Colon, word));
            return;
        }
        var colon = word.EndsWith(':') && word.Length > 1;
        var text = colon ? word[..^1] : word;
        if (text.Contains('/') && !text.Contains("://", StringComparison.Ordinal))
        {
            var parts = text.Split('/');
            if (parts.All(p => EnvironmentNames.Name(p) is not null))
            {
                for (var p = 0; p < parts.Length; p++)
                {
                    if (p > 0)
                    {
                        tokens.Add(new Token(TokenKind.Separator, "/"));
                    }
                    tokens.Add(new Token(TokenKind.Word, parts[p]));
                }
                if (colon)
                {
                    tokens.Add(new Token(TokenKind.Colon, ":"));
                }
                return;
            }
        }
        // "dev:debug" is a label and a value; a URL or "us-east-1:123" is one word.
        var inner = text.IndexOf(':', StringComparison.Ordinal);
        if (!colon && inner > 0 && EnvironmentNames.Name(text[..inner]) is not null && inner < text.Length - 1)
        {
            tokens.Add(new Token(TokenKind.Word, text[..inner]));
            tokens.Add(new Token(TokenKind.Colon, ":"));
            tokens.Add(new Token(TokenKind.Word, text[(inner + 1)..]));
            return;
        }
        tokens.Add(new Token(TokenKind.Word, text));
        if (colon)
        {
            tokens.Add(new Token(TokenKind.Colon, ":"));
        }
    }
}
