using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.S3;

/// <summary>
/// An S3 bucket: encrypted, private, SSL-only and retained by default. Understands versioning, lifecycle rules
/// (expiration, transitions to other storage classes, expiry and transitions of noncurrent versions) and KMS encryption.
/// </summary>
/// <remarks>Attributes: <c>Versioned</c> (true/false), <c>Expiration</c> (days), <c>Transition</c> (CLASS:days, many),
/// <c>NoncurrentExpiration</c> (days), <c>NoncurrentTransition</c> (CLASS:days, many), <c>Encryption</c>
/// (S3_MANAGED, KMS_MANAGED, KMS).</remarks>
internal sealed partial class S3BucketKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.S3Bucket];

    public override string Suffix => "Bucket";

    public override string Title => "S3 bucket";

    public override BuildPhase Phase => BuildPhase.Storage;

    public override IReadOnlyList<string> KindWords { get; } =
        ["private", "encrypted", "encryption at rest", "block public access", "blocked public access", "ssl only", "https only", "objects"];

    // Noncurrent-version phrases come first: they must not read as the bucket's own expiry or transition.
    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("NoncurrentTransition", NoncurrentTransitionWords(), m => StorageClassOf(m) is { } c && Days(m) is { } d ? $"{c}:{d}" : null, Many: true),
        new("NoncurrentExpiration", NoncurrentExpiryBefore(), Days),
        new("NoncurrentExpiration", NoncurrentExpiryAfter(), Days),
        new("Transition", TransitionWords(), m => StorageClassOf(m) is { } c && Days(m) is { } d ? $"{c}:{d}" : null, Many: true),
        new("Transition", TransitionAfterFirst(), m => StorageClassOf(m) is { } c && Days(m) is { } d ? $"{c}:{d}" : null, Many: true),
        new("Expiration", ExpiryBefore(), Days),
        new("Expiration", ExpiryAfter(), Days),
        new("Versioned", VersioningWords(), m => m.Value.StartsWith("un", StringComparison.OrdinalIgnoreCase) || OffWord().IsMatch(m.Value) || m.Negated ? "false" : "true"),
        new("Encryption", KmsWords(), m => m.Value.Contains("aws", StringComparison.OrdinalIgnoreCase) ? "KMS_MANAGED" : "KMS"),
        new("Encryption", S3ManagedWords(), _ => "S3_MANAGED"),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var props = Cs.New("S3::BucketProps")
            .With("Encryption", Cs.Name("S3::BucketEncryption." + (node.Attribute("Encryption")?.Value ?? "S3_MANAGED")))
            // A customer-managed key of the bucket's own that rotates yearly (CDK's default key does not: AwsSolutions-KMS5).
            .With("EncryptionKey", node.Attribute("Encryption")?.Value == "KMS"
                ? Cs.New("Kms::Key", Cs.Name("this"), Cs.String(IStackContext.IdOf(stack.Claim(IStackContext.IdOf(node.Member) + "Key"))),
                    Cs.New("Kms::KeyProps").With("EnableKeyRotation", Cs.Bool(true)))
                : null, when: node.Attribute("Encryption")?.Value == "KMS")
            .With("BlockPublicAccess", Cs.Name("S3::BlockPublicAccess.BLOCK_ALL"))
            .With("EnforceSSL", Cs.Bool(true))
            // Server access logs to the app's one access-log bucket, under the bucket's construct id (cdk-nag AwsSolutions-S1).
            .With("ServerAccessLogsBucket", Cs.Call("AccessLogs"))
            .With("ServerAccessLogsPrefix", Cs.String(IStackContext.IdOf(node.Member) + "/"));
        stack.SecureDefault("Buckets: SSL only, public access blocked, encrypted, with server access logs in one access-log bucket (ArchPlanAccessLogs; SSL only, public access blocked, logs kept one year).");
        if (node.Attribute("Versioned") is { } versioned)
        {
            props = props.With("Versioned", Cs.Bool(IsTrue(versioned.Value)));
        }

        var rule = Cs.New("S3::LifecycleRule");
        var hasRule = false;
        if (node.Attribute("Expiration") is { } expiration)
        {
            rule = rule.With("Expiration", Cs.Duration("Days", Long(expiration.Value)));
            hasRule = true;
        }
        var transitions = node.Attributes("Transition").Select(t => Transition("S3::Transition", t.Value)).ToList();
        if (transitions.Count > 0)
        {
            rule = rule.With("Transitions", Cs.Array("S3::Transition", transitions));
            hasRule = true;
        }
        if (node.Attribute("NoncurrentExpiration") is { } noncurrent)
        {
            rule = rule.With("NoncurrentVersionExpiration", Cs.Duration("Days", Long(noncurrent.Value)));
            hasRule = true;
        }
        var noncurrentTransitions = node.Attributes("NoncurrentTransition").Select(t => Transition("S3::NoncurrentVersionTransition", t.Value)).ToList();
        if (noncurrentTransitions.Count > 0)
        {
            rule = rule.With("NoncurrentVersionTransitions", Cs.Array("S3::NoncurrentVersionTransition", noncurrentTransitions));
            hasRule = true;
        }
        if (hasRule)
        {
            props = props.With("LifecycleRules", Cs.Array("S3::LifecycleRule", [rule]));
        }
        if ((node.Attribute("NoncurrentExpiration") ?? node.Attributes("NoncurrentTransition").FirstOrDefault()) is { } about
            && node.Attribute("Versioned") is not { Value: "true" })
        {
            stack.Report(DiagnosticCatalog.GenerationAttributeNeedsAnother, about.Location, node.Name, about.Phrase, "versioning", "versioned");
        }
        props = props.With("RemovalPolicy", Cs.Name("Cdk::RemovalPolicy.RETAIN"));
        stack.Add(node, node.Member, "S3::Bucket", Cs.New("S3::Bucket", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props));
    }

    private static New Transition(string type, string value)
    {
        var (storageClass, days) = (value[..value.IndexOf(':', StringComparison.Ordinal)], Long(value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        return Cs.New(type)
            .With("StorageClass", Cs.Name("S3::StorageClass." + storageClass))
            .With("TransitionAfter", Cs.Duration("Days", days));
    }

    public override IReadOnlyList<Grant> Grants(Access access) => access switch
    {
        Access.Read => [new("GrantRead", "read access to the bucket")],
        Access.Write => [new("GrantPut", "write access to the bucket")],
        _ => [new("GrantReadWrite", "read/write access to the bucket")],
    };

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems) =>
        nameStems.Contains("arn")
            ? new(Cs.Name(node.Member + ".BucketArn"), "bucket ARN")
            : new(Cs.Name(node.Member + ".BucketName"), "bucket name");

    private static string? StorageClassOf(PhraseMatch match) => match["class"].ToLowerInvariant() switch
    {
        var c when c.Contains("deep", StringComparison.Ordinal) => "DEEP_ARCHIVE",
        var c when c.Contains("instant", StringComparison.Ordinal) || c.EndsWith(" ir", StringComparison.Ordinal) => "GLACIER_INSTANT_RETRIEVAL",
        var c when c.Contains("glacier", StringComparison.Ordinal) => "GLACIER",
        var c when c.Contains("one", StringComparison.Ordinal) => "ONE_ZONE_INFREQUENT_ACCESS",
        var c when c.Contains("intelligent", StringComparison.Ordinal) => "INTELLIGENT_TIERING",
        var c when c.Length > 0 => "INFREQUENT_ACCESS",
        _ => null,
    };

    private const string StorageClass =
        @"(?:s3\s+)?(?<class>glacier\s+deep\s+archive|deep\s+archive|glacier\s+instant\s+retrieval|glacier\s+ir|glacier(?:\s+flexible\s+retrieval)?|standard[- ]ia|standard[- ]infrequent[- ]access|infrequent[- ]access|one[- ]zone[- ]ia|one[- ]zone[- ]infrequent[- ]access|intelligent[- ]tiering)";

    private const string Noncurrent = @"(?:non-?current|old(?:er)?|previous|prior)\s+(?:object\s+)?versions?";

    [GeneratedRegex(Noncurrent + @"\s+(?:are\s+|get\s+)?(?:transition(?:s|ed)?\s+|move[ds]?\s+)?(?:to|into)\s+" + StorageClass + @"\s+(?:storage\s+class\s+)?(?:after|at)\s+" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex NoncurrentTransitionWords();

    [GeneratedRegex(PhraseValues.Duration + @"\s+(?:expiry|expiration|retention|deletion|lifecycle)\s+(?:of|for|on)\s+" + Noncurrent, RegexOptions.IgnoreCase)]
    private static partial Regex NoncurrentExpiryBefore();

    [GeneratedRegex(@"(?:(?:expire|delete|remove|purge)\s+" + Noncurrent + @"|" + Noncurrent + @"\s+(?:expire|are\s+(?:deleted|removed|expired|kept|retained)|(?:get\s+)?(?:deleted|removed|expired|kept|retained)))\s+(?:after|for)\s+" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex NoncurrentExpiryAfter();

    [GeneratedRegex(@"(?:transition(?:s|ed)?|move[ds]?|archive[ds]?|tier(?:s|ed)?)\s+(?:objects\s+|data\s+|files\s+)?(?:to|into)\s+" + StorageClass + @"\s+(?:storage\s+class\s+)?(?:after|at)\s+" + PhraseValues.Duration + @"|(?<![\w-])" + StorageClass + @"\s+(?:storage\s+class\s+)?after\s+" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex TransitionWords();

    [GeneratedRegex(@"after\s+" + PhraseValues.Duration + @"\s*,?\s*(?:transition(?:s|ed)?|move[ds]?|archive[ds]?)?\s*(?:objects\s+)?(?:to|into)\s+" + StorageClass, RegexOptions.IgnoreCase)]
    private static partial Regex TransitionAfterFirst();

    [GeneratedRegex(PhraseValues.Duration + @"\s+(?:object\s+)?(?:expiry|expiration|retention(?:\s+(?:rule|policy|period))?|lifecycle(?:\s+(?:rule|policy))?\b(?!\s+(?:to|into)))", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiryBefore();

    [GeneratedRegex(@"(?:expir(?:e|es|y|ation)|delete[ds]?|deletion|purge[ds]?|retention(?:\s+period)?|retain(?:ed)?|kept|keep)\s+(?:(?:objects?|data|files|them|it)\s+)?(?:(?:after|for|of|is|at)\s+|[:=]\s*)" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex ExpiryAfter();

    [GeneratedRegex(@"\b(?:un)?version(?:ed|ing)\b(?:\s*(?:[:=]\s*)?(?:on|off|enabled|disabled|true|false)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex VersioningWords();

    [GeneratedRegex(@"(?:off|disabled|false)$", RegexOptions.IgnoreCase)]
    private static partial Regex OffWord();

    [GeneratedRegex(@"\bsse[- ]kms\b|\baws[- ]managed\s+kms(?:\s+key)?\b|\bcustomer[- ]managed\s+(?:kms\s+)?key\b|\bcmk\b|\bkms(?:[- ](?:encrypted|encryption|key))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex KmsWords();

    [GeneratedRegex(@"\bsse[- ]s3\b|\bs3[- ]managed\s+(?:keys?|encryption)\b|\baes[- ]?256\b", RegexOptions.IgnoreCase)]
    private static partial Regex S3ManagedWords();
}
