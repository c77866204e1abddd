using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.Sqs;

/// <summary>
/// An SQS queue (SSL-only, SQS-managed encryption), with its dead-letter queue when the plan asks for one. Understands
/// FIFO and content-based deduplication, visibility timeout, retention, delivery delay, long polling, the dead-letter
/// queue's maximum receive count and KMS encryption. The consumer of a queue consumes; other computes send.
/// </summary>
/// <remarks>Attributes: <c>Fifo</c>, <c>ContentBasedDeduplication</c>, <c>VisibilityTimeout</c>, <c>RetentionPeriod</c>,
/// <c>DeliveryDelay</c>, <c>ReceiveWaitTime</c> (seconds), <c>MaxReceiveCount</c>, <c>DeadLetterQueue</c>,
/// <c>Encryption</c> (KMS_MANAGED, KMS).</remarks>
internal sealed partial class SqsQueueKind : KindModule
{
    /// <summary>The receive count used when the plan asks for a dead-letter queue but says after how many receives.</summary>
    public const int DefaultMaxReceiveCount = 3;

    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.SqsQueue];

    public override string Suffix => "Queue";

    public override string Title => "SQS queue";

    public override BuildPhase Phase => BuildPhase.Storage;

    public override IReadOnlyList<string> KindWords { get; } = ["queue", "messages", "standard queue", "encrypted", "ssl only"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("MaxReceiveCount", MaxReceiveWords(), m => Whole(m)),
        new("DeadLetterQueue", DeadLetterWords(), _ => "true"),
        new("VisibilityTimeout", VisibilityWords(), m => Seconds(m)),
        new("RetentionPeriod", RetentionWords(), m => Seconds(m)),
        new("DeliveryDelay", DelayWords(), m => Seconds(m)),
        new("ReceiveWaitTime", WaitWords(), m => Seconds(m)),
        new("ContentBasedDeduplication", DeduplicationWords(), Flag),
        new("Fifo", FifoWords(), Flag),
        new("Encryption", KmsWords(), m => m.Value.Contains("customer", StringComparison.OrdinalIgnoreCase) || m.Value.Contains("cmk", StringComparison.OrdinalIgnoreCase) ? "KMS" : "KMS_MANAGED"),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var fifo = node.Attribute("Fifo")?.Value == "true";
        var encryption = node.Attribute("Encryption")?.Value ?? "SQS_MANAGED";
        var statements = new List<Cs>();
        New Base(string propsType) => Cs.New(propsType)
            .With("EnforceSSL", Cs.Bool(true))
            .With("Encryption", Cs.Name("Sqs::QueueEncryption." + encryption))
            .With("Fifo", Cs.Bool(true), when: fifo);

        if (node.DeadLetterMember is { } dlq)
        {
            // A FIFO queue's dead-letter queue must be FIFO too; fourteen days is the longest SQS keeps a message.
            var dlqProps = Base("Sqs::QueueProps").With("RetentionPeriod", Cs.Duration("Days", 14));
            stack.Add(node, dlq, "Sqs::Queue", Cs.New("Sqs::Queue", Cs.Name("this"), Cs.String(IStackContext.IdOf(dlq)), dlqProps),
                comments: [$"Dead-letter queue of {node.Name}"]);
        }
        else if ((node.Attribute("MaxReceiveCount") ?? node.Attribute("DeadLetterQueue")) is { } orphan)
        {
            stack.NotGenerated(node, orphan.Phrase, "the plan asks for no dead-letter queue on this queue");
        }

        var props = Base("Sqs::QueueProps");
        if (node.Attribute("ContentBasedDeduplication") is { } dedup)
        {
            if (fifo)
            {
                props = props.With("ContentBasedDeduplication", Cs.Bool(dedup.Value == "true"));
            }
            else
            {
                stack.NotGenerated(node, dedup.Phrase, "content-based deduplication needs a FIFO queue");
            }
        }
        var visibility = node.Attribute("VisibilityTimeout") is { } stated ? Clamp(stack, node, stated, "Visibility timeout", 0, 43200) : (long?)null;
        if (node.VisibilityTimeoutSeconds is { } needed && needed > (visibility ?? 30))
        {
            if (visibility is not null)
            {
                stack.Report(DiagnosticCatalog.GenerationAttributeOverridden, node.Attribute("VisibilityTimeout")!.Location, node.Name,
                    node.Attribute("VisibilityTimeout")!.Phrase, "SQS needs at least the timeout of the function it triggers (AWS recommends six times)", $"{needed} s");
            }
            visibility = needed;
        }
        props = props.With("VisibilityTimeout", visibility is { } v ? Cs.Duration("Seconds", v) : null, when: visibility is not null);
        if (node.Attribute("RetentionPeriod") is { } retention)
        {
            props = props.With("RetentionPeriod", Cs.Duration("Seconds", Clamp(stack, node, retention, "Retention period", 60, 1209600)));
        }
        if (node.Attribute("DeliveryDelay") is { } delay)
        {
            props = props.With("DeliveryDelay", Cs.Duration("Seconds", Clamp(stack, node, delay, "Delivery delay", 0, 900)));
        }
        if (node.Attribute("ReceiveWaitTime") is { } wait)
        {
            props = props.With("ReceiveMessageWaitTime", Cs.Duration("Seconds", Clamp(stack, node, wait, "Receive wait time", 0, 20)));
        }
        if (node.DeadLetterMember is { } deadLetter)
        {
            var count = node.Attribute("MaxReceiveCount") is { } max ? Clamp(stack, node, max, "Maximum receive count", 1, 1000) : DefaultMaxReceiveCount;
            if (node.Attribute("MaxReceiveCount") is null)
            {
                stack.Report(DiagnosticCatalog.GenerationDefaultUsed, node.Resource.Location, "number of receives before a message moves to the dead-letter queue",
                    node.Name, DefaultMaxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Say it, e.g. 'dead-letter queue after 5 receives'.");
            }
            props = props.With("DeadLetterQueue", Cs.New("Sqs::DeadLetterQueue").With("Queue", Cs.Name(deadLetter)).With("MaxReceiveCount", Cs.Number(count)));
        }
        stack.Add(node, node.Member, "Sqs::Queue", Cs.New("Sqs::Queue", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props), statements);
        if (node.DeadLetterMember is null)
        {
            var line = node.Resource.Location.Line;
            stack.Acknowledge(node, node.Member, "AwsSolutions-SQS3",
                $"The plan (line {line}) gives queue {IStackContext.IdOf(node.Member)} no dead-letter queue; state one ('dead-letter queue after 5 receives') to get it.", line);
        }
    }

    private static long Clamp(IStackContext stack, Node node, ResourceAttribute attribute, string what, long min, long max)
    {
        var value = Long(attribute.Value);
        if (value >= min && value <= max)
        {
            return value;
        }
        var used = Math.Clamp(value, min, max);
        stack.Report(DiagnosticCatalog.GenerationValueAdjusted, attribute.Location, what, node.Name, attribute.Value, used, $"{min}-{max}");
        return used;
    }

    public override Access DefaultAccess => Access.Write;

    public override IReadOnlyList<Grant> Grants(Access access) => access switch
    {
        Access.Read => [new("GrantConsumeMessages", "consume access to the queue")],
        Access.Write => [new("GrantSendMessages", "send access to the queue")],
        _ => [new("GrantSendMessages", "send"), new("GrantConsumeMessages", "consume access to the queue")],
    };

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems)
    {
        var member = (nameStems.Contains("dlq") || (nameStems.Contains("dead") && nameStems.Contains("letter"))) && node.DeadLetterMember is { } dlq ? dlq : node.Member;
        var of = member == node.Member ? "queue" : "dead-letter queue";
        return nameStems.Contains("arn") ? new(Cs.Name(member + ".QueueArn"), of + " ARN")
            : nameStems.Contains("name") ? new(Cs.Name(member + ".QueueName"), of + " name")
            : new(Cs.Name(member + ".QueueUrl"), of + " URL");
    }

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words)
    {
        // The dead-letter queue when the alarm names it (or names nothing else); its age or its depth as the words say.
        var deadLetterWords = words.Contains("dlq") || words.Contains("dead");
        var ageWords = words.Contains("age") || words.Contains("oldest") || words.Contains("stale");
        var depthWords = words.Contains("depth") || words.Contains("backlog") || words.Contains("visible") || words.Contains("messag");
        var onDeadLetter = node.DeadLetterMember is not null && (deadLetterWords || (!ageWords && !depthWords));
        var on = onDeadLetter ? node.DeadLetterMember! : node.Member;
        var of = onDeadLetter ? "the dead-letter queue" : "the queue";
        return ageWords
            ? new("MetricApproximateAgeOfOldestMessage", "age of the oldest message in " + of, on)
            : onDeadLetter || depthWords
                ? new("MetricApproximateNumberOfMessagesVisible", "messages in " + of, on)
                : new("MetricApproximateAgeOfOldestMessage", "age of the oldest message in " + of, on);
    }

    [GeneratedRegex(@"(?:\bafter|\bmax(?:imum)?(?:\s+of)?|\bup\s+to)\s+" + PhraseValues.Count + @"\s+(?:failed\s+|unsuccessful\s+)?(?:receives?|receive\s+attempts?|attempts?|tries|retries|deliveries|delivery\s+attempts?|processing\s+attempts?)\b|\bmax\s*receive\s*count\s*(?:of|[:=]|is)?\s*(?<n>\d+)|\bredrive\s+(?:after|at)\s+" + PhraseValues.Count, RegexOptions.IgnoreCase)]
    private static partial Regex MaxReceiveWords();

    [GeneratedRegex(@"\bdead[- ]letter(?:\s+queue)?\b|\bdlq\b|\bredrive\s+policy\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeadLetterWords();

    [GeneratedRegex(@"\bvisibility(?:\s+timeout)?\s*(?:of|is|[:=])?\s*" + PhraseValues.Duration + @"|" + PhraseValues.Duration + @"\s+visibility(?:\s+timeout)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex VisibilityWords();

    [GeneratedRegex(@"\b(?:message\s+)?retention(?:\s+period)?\s*(?:of|is|[:=])?\s*" + PhraseValues.Duration + @"|" + PhraseValues.Duration + @"\s+(?:message\s+)?retention\b|\bretain(?:s|ed)?\s+(?:messages\s+)?(?:for\s+)?" + PhraseValues.Duration + @"|\bkeeps?\s+messages\s+(?:for\s+)?" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex RetentionWords();

    [GeneratedRegex(@"\b(?:delivery\s+)?delay(?:ed)?\s*(?:of|by|is|[:=])?\s*" + PhraseValues.Duration + @"|" + PhraseValues.Duration + @"\s+(?:delivery\s+)?delay\b", RegexOptions.IgnoreCase)]
    private static partial Regex DelayWords();

    [GeneratedRegex(@"\b(?:long[- ]polling|receive\s+(?:message\s+)?wait\s+time|wait\s+time)\s*(?:of|is|[:=]|\()?\s*" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex WaitWords();

    [GeneratedRegex(@"\bcontent[- ]based\s+dedup(?:lication)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeduplicationWords();

    [GeneratedRegex(@"\bfifo\b", RegexOptions.IgnoreCase)]
    private static partial Regex FifoWords();

    [GeneratedRegex(@"\bsse[- ]kms\b|\bcustomer[- ]managed\s+(?:kms\s+)?key\b|\bcmk\b|\bkms(?:[- ](?:encrypted|encryption|key))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex KmsWords();
}
