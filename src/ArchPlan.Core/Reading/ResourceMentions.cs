using System.Text.RegularExpressions;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>A resource a line names: its kind and its name, or a secret (<see cref="IsSecret"/>).</summary>
internal readonly record struct Mention(ResourceKind Kind, string Name, bool IsSecret);

/// <summary>
/// Finds the resources a list item, table row or heading names outside an AWS Resources section, where lines mix
/// resources with everything else. A resource is named by a code span right beside words for its kind:
/// <c>table `orders`</c>, <c>REST API `orders-api`</c>, <c>Lambda Function (`Handler`)</c>, <c>`orders` table</c>,
/// <c>one function per service, `a` and `b`</c>; or the line starts with its kind (<c>**Amazon S3** for uploads</c>).
/// Kinds ArchPlan does not generate (a CloudFront distribution, a Cognito user pool, an event bus) are
/// <see cref="ResourceKind.Unknown"/>. File paths, routes, IAM actions and globs are never names.
/// </summary>
internal static partial class ResourceMentions
{
    /// <summary>How far from a name its kind may stand, in characters ("Aurora PostgreSQL Serverless v2 (").</summary>
    private const int Window = 80;

    /// <summary>The resources and secrets a line names by code span; <paramref name="marked"/> keeps code spans in backticks.</summary>
    public static List<Mention> Find(string marked)
    {
        var mentions = new List<Mention>();
        var spans = CodeSpan().Matches(marked);
        var previousEnd = 0;
        Mention? previous = null;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var name = span.Groups["code"].Value.Trim();
            // A kind stands within a few words of its name: look no further (a paragraph may be long).
            var before = marked[Math.Max(previousEnd, span.Index - Window)..span.Index];
            var afterEnd = i + 1 < spans.Count ? spans[i + 1].Index : marked.Length;
            var after = marked[(span.Index + span.Length)..Math.Min(afterEnd, span.Index + span.Length + Window)];
            previousEnd = span.Index + span.Length;

            Mention? mention = null;
            if (ShapeKind(name) is { } shaped)
            {
                mention = new Mention(shaped, name, false);
            }
            else if ((KindBefore(before) ?? KindAfter(after)) is { } found)
            {
                mention = found with { Name = name };
            }
            else if (previous is { } last && (JoinsList().IsMatch(before) || Example().IsMatch(before)))
            {
                // "`a` and `b`", "`a`, `b`": the names of a list share the kind of the first.
                mention = last with { Name = name };
            }
            previous = mention;
            if (mention is { } m && IsName(m.Name, m.Kind, m.IsSecret))
            {
                mentions.Add(m);
            }
            else if (mention is null || !Example().IsMatch(after))
            {
                // A pattern (`<app>-<stage>-env`) names nothing, but the example after it ("for example `x`") does.
                previous = null;
            }
        }
        return mentions;
    }

    /// <summary>
    /// The kind a line starts with ("**Amazon S3** for uploads", "DynamoDB table: …"), or null. A bare noun ("Table
    /// name: …", "Functions are bundled …") leads only a heading (<paramref name="allowNouns"/>): in a list item it is prose.
    /// </summary>
    public static ResourceKind? Lead(string plain, bool allowNouns = false)
    {
        // A leading kind stands at the start, after at most an emoji, "Amazon" or "AWS".
        var match = KindWord().Match(plain, 0, Math.Min(plain.Length, 64));
        if (!match.Success || !LeadPrefix().IsMatch(plain[..match.Index]))
        {
            return null;
        }
        var (start, end) = Run(plain, match);
        var run = plain[start..end];
        var extended = end;
        // "Lambda Function", "S3 Bucket": the run goes on after the first word.
        for (var next = KindWord().Match(plain, end); next.Success; next = next.NextMatch())
        {
            if (!plain.AsSpan(extended, next.Index - extended).IsWhiteSpace())
            {
                break;
            }
            extended = next.Index + next.Length;
        }
        run = plain[start..extended];
        if (!allowNouns && ResourceRecognizer.Recognize(run) is null && !OtherServiceWords().IsMatch(run.ToLowerInvariant()))
        {
            return null;
        }
        return KindOf(run) is { IsSecret: false } kind && HasItsNoun(kind.Kind, run) ? kind.Kind : null;
    }

    /// <summary>The kind the last words of a phrase name ("Lambda Execution Role" → IAM role, "Cognito Stack" → none).</summary>
    public static ResourceKind? Trailing(string phrase)
    {
        var matches = KindWord().Matches(phrase);
        if (matches.Count == 0 || phrase[(matches[^1].Index + matches[^1].Length)..].Trim().Length != 0)
        {
            return null;
        }
        var (start, end) = Run(phrase, matches[^1]);
        var run = phrase[start..end];
        return KindOf(run) is { IsSecret: false } kind && HasItsNoun(kind.Kind, run) ? kind.Kind : null;
    }

    /// <summary>True when the text contains a word for a kind ("DynamoDB", "Cognito", "table").</summary>
    public static bool NamesAKind(string text) => KindWord().IsMatch(text);

    /// <summary>The kind a phrase names (through <see cref="ResourceRecognizer"/>, then the bare nouns: function, table, rule…).</summary>
    public static Mention? KindOf(string phrase)
    {
        var lower = phrase.ToLowerInvariant();
        if (SecretWord().IsMatch(lower) && !OtherServiceWords().IsMatch(lower))
        {
            return new Mention(ResourceKind.SecretsManagerSecret, "", true);
        }
        var known = ResourceRecognizer.Recognize(lower);
        var other = OtherServiceWords().Match(lower);
        if (other.Success && (known is null || other.Index < known.Value.Index || (other.Index == known.Value.Index && other.Length > known.Value.Length)))
        {
            return new Mention(ResourceKind.Unknown, "", false);
        }
        if (known is { Kind: not ResourceKind.SecretsManagerSecret } k)
        {
            return new Mention(k.Kind, "", false);
        }
        var noun = BareNoun().Match(lower);
        if (!noun.Success)
        {
            return null;
        }
        var kind = noun.Groups["n"].Value switch
        {
            "function" or "functions" => ResourceKind.LambdaFunction,
            "table" or "tables" => ResourceKind.DynamoDbTable,
            "rule" or "rules" => ResourceKind.EventBridgeRule,
            "repository" or "repositories" or "repo" or "repos" => ResourceKind.EcrRepository,
            "cluster" or "clusters" => ResourceKind.EcsCluster,
            _ => ResourceKind.Unknown,
        };
        return new Mention(kind, "", false);
    }

    /// <summary>
    /// True when <paramref name="name"/> can be a resource name: no spaces, no file path, route, URL, glob or
    /// <c>service:Action</c>; a slash only in a log group (<c>/aws/lambda/x</c>), a parameter or a secret name.
    /// </summary>
    public static bool IsName(string name, ResourceKind kind, bool isSecret = false)
    {
        if (name.Length is 0 or > 128 || name.Contains(' ', StringComparison.Ordinal) || name.Contains('*', StringComparison.Ordinal)
            || name.Contains("://", StringComparison.Ordinal) || name.EndsWith('/') || name.StartsWith('@') || FileName().IsMatch(name))
        {
            return false;
        }
        if (isSecret)
        {
            return !name.Contains('<', StringComparison.Ordinal) && !name.Contains('{', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal);
        }
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return name.StartsWith('/') && kind is ResourceKind.LogGroup or ResourceKind.Unknown;
        }
        return !name.Contains(':', StringComparison.Ordinal) && !name.Contains('<', StringComparison.Ordinal) && !name.Contains('{', StringComparison.Ordinal)
            && !name.Contains('$', StringComparison.Ordinal) && !name.Contains('=', StringComparison.Ordinal) && name.Any(char.IsLetter);
    }

    /// <summary>A name whose shape says its kind: <c>/aws/lambda/x</c> and <c>/ecs/x</c> are log groups.</summary>
    private static ResourceKind? ShapeKind(string name) =>
        LogGroupName().IsMatch(name) ? ResourceKind.LogGroup : null;

    /// <summary>The kind named just before a code span: "table `x`", "HTTP API (v2) `x`", "one function per service, `x`".</summary>
    private static Mention? KindBefore(string before)
    {
        Match? last = null;
        foreach (Match match in KindWord().Matches(before))
        {
            last = match;
        }
        if (last is null || !GapBefore().IsMatch(before[(last.Index + last.Length)..]))
        {
            return null;
        }
        var run = Run(before, last);
        return KindOf(before[run.Start..run.End]);
    }

    /// <summary>The kind named just after a code span: "`x` table", "`x` SQS queue", "`x` secret".</summary>
    private static Mention? KindAfter(string after)
    {
        var match = GapAfter().Match(after);
        return match.Success ? KindOf(match.Groups["kind"].Value) : null;
    }

    /// <summary>The run of kind words that ends with <paramref name="last"/> ("Aurora PostgreSQL", "CloudWatch alarms").</summary>
    private static (int Start, int End) Run(string text, Match last)
    {
        var start = last.Index;
        var matches = KindWord().Matches(text[..last.Index]);
        for (var k = matches.Count - 1; k >= 0; k--)
        {
            var match = matches[k];
            if (text[(match.Index + match.Length)..start].Trim().Length != 0)
            {
                break;
            }
            start = match.Index;
        }
        return (start, last.Index + last.Length);
    }

    /// <summary>Supporting kinds lead a line only with their own noun: "IAM role", not "IAM permissions"; "log group", not "CloudWatch".</summary>
    private static bool HasItsNoun(ResourceKind kind, string phrase)
    {
        var lower = phrase.ToLowerInvariant();
        return kind switch
        {
            ResourceKind.IamRole => lower.Contains("role", StringComparison.Ordinal),
            ResourceKind.LogGroup => lower.Contains("log group", StringComparison.Ordinal),
            ResourceKind.KmsKey => lower.Contains("key", StringComparison.Ordinal),
            ResourceKind.EcsCluster => lower.Contains("cluster", StringComparison.Ordinal),
            _ => true,
        };
    }

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    // Every word that can name a kind, alone or in a run: services, nouns, and the kinds ArchPlan does not generate.
    [GeneratedRegex(@"\b(?:(?:ecs|fargate)(?:\s+fargate)?\s+(?:services?|tasks?)|lambda|functions?|step\s+functions?|state\s+machines?|fargate|ecs|s3|buckets?|dynamo\s*db|tables?|sqs|queues?|dead[- ]letter\s+queues?|dlq|sns|topics?|event\s*bridge|rules?|api\s+gateway|(?:http|rest|websocket)\s+apis?|alarms?|dashboards?|cloudwatch|aurora|rds|postgres(?:ql)?|mysql|vpcs?|log\s+groups?|iam|roles?|kms\s+keys?|ecr|repositor(?:y|ies)|repos?|clusters?|secrets?(?:\s+manager)?|cognito|user\s+pools?|event\s+bus(?:es)?|custom\s+bus|bus|cloudfront|distributions?|certificates?|acm|route\s*53|hosted\s+zones?|(?:application\s+|network\s+)?load\s+balancers?|alb|nlb|ssm|layers?|efs|file\s+systems?|opensearch(?:\s+serverless)?|ssm\s+parameters?|elasticache|redis|kinesis(?:\s+streams?)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindWord();

    // Between the kind and the name: nothing, a parenthesis, a colon or dash, up to two qualifiers that are not
    // prepositions or verbs ("Serverless v2"), "named"/"called", or an appositive ("per service, ").
    [GeneratedRegex(@"^\s*(?:\([^()]*\)\s*)?(?:(?:(?!(?:from|to|in|on|of|for|with|by|into|at|via|behind|under|over|and|or|sending|consuming|uses?|reads?|writes?|calls?|is|are)\b)[\w.-]+\s+){0,2}(?:named|called)?\s*[(:—–-]?\s*|(?:[\w.-]+\s+){0,2}[\w.-]+,\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex GapBefore();

    [GeneratedRegex(@"^\s*(?<kind>(?:[\w.-]+\s+){0,2}?(?:lambda\s+function|lambda|function|table|bucket|queue|topic|rule|alarm|dashboard|repository|secret|role|cluster|state\s+machine|distribution|user\s+pool|layer|log\s+group|(?:http|rest|websocket)\s+api))\b", RegexOptions.IgnoreCase)]
    private static partial Regex GapAfter();

    [GeneratedRegex(@"^\s*,?\s*(?:for\s+example|for\s+instance|e\.g\.?|such\s+as|like|i\.e\.?)[\s:,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Example();

    [GeneratedRegex(@"^\s*(?:,|and|or|&)\s*(?:,|and|or|&)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex JoinsList();

    // What may stand before a kind that leads a line: nothing, emoji, bullets, "Amazon"/"AWS". Not an article: "The
    // queue invokes the function" is a sentence about resources, not an entry for one.
    [GeneratedRegex(@"^[\W_]*(?:(?:amazon|aws)\s+)*[\W_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadPrefix();

    [GeneratedRegex(@"\bsecrets?\b")]
    private static partial Regex SecretWord();

    [GeneratedRegex(@"\bcloudfront(?:\s+distribution)?\b|\bdistribution\b|\broute\s*53\b|\bhosted\s+zone\b|\bacm\b|\bcertificate\b|\b(?:application\s+|network\s+)?load\s+balancer\b|\balb\b|\bnlb\b|\bcognito\b|\buser\s+pool\b|\bevent\s+bus\b|\bcustom\s+bus\b|\bbus\b|\blambda\s+layer\b|\blayer\b|\bwebsocket\s+api\b|\befs\b|\bfile\s+system\b|\bopensearch\b|\bssm\b|\bparameter\b|\belasticache\b|\bredis\b|\bkinesis\b")]
    private static partial Regex OtherServiceWords();

    [GeneratedRegex(@"\b(?<n>functions?|tables?|rules?|repositor(?:y|ies)|repos?|clusters?|streams?)\b")]
    private static partial Regex BareNoun();

    [GeneratedRegex(@"\.(?:ts|js|mjs|cjs|tsx|jsx|py|cs|java|go|rb|json|ya?ml|md|sh|toml|env|txt|csproj|tf|Dockerfile)$|^Dockerfile|^\.", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^/(?:aws/(?:lambda|ecs|apigateway|vendedlogs|states|rds)/|ecs/)[\w./-]+$")]
    private static partial Regex LogGroupName();
}
