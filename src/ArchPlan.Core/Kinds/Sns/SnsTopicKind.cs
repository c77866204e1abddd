using System.Text.RegularExpressions;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.Sns;

/// <summary>
/// An SNS topic (SSL-only). Understands FIFO topics, content-based deduplication, KMS encryption and e-mail
/// subscriptions. Computes publish to a topic; a queue subscribed to it is wired by the queue's links.
/// </summary>
/// <remarks>Attributes: <c>Fifo</c>, <c>ContentBasedDeduplication</c>, <c>Encryption</c> (KMS), <c>EmailSubscription</c> (address, many).</remarks>
internal sealed partial class SnsTopicKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.SnsTopic];

    public override string Suffix => "Topic";

    public override string Title => "SNS topic";

    public override BuildPhase Phase => BuildPhase.Storage;

    public override IReadOnlyList<string> KindWords { get; } = ["topic", "notifications", "fan-out", "fan out", "alerts"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("EmailSubscription", EmailWords(), m => m["address"], Many: true),
        new("ContentBasedDeduplication", DeduplicationWords(), Flag),
        new("Fifo", FifoWords(), Flag),
        new("Encryption", KmsWords(), _ => "KMS"),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var fifo = node.Attribute("Fifo")?.Value == "true";
        var props = Cs.New("Sns::TopicProps")
            .With("Fifo", Cs.Bool(true), when: fifo)
            .With("ContentBasedDeduplication", Cs.Bool(node.Attribute("ContentBasedDeduplication")?.Value == "true"),
                when: fifo && node.Attribute("ContentBasedDeduplication") is not null)
            .With("MasterKey", Cs.New("Kms::Key", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member) + "Key"),
                Cs.New("Kms::KeyProps").With("EnableKeyRotation", Cs.Bool(true))), when: node.Attribute("Encryption") is not null);
        if (!fifo && node.Attribute("ContentBasedDeduplication") is { } dedup)
        {
            stack.NotGenerated(node, dedup.Phrase, "content-based deduplication needs a FIFO topic");
        }
        // A topic policy that denies publishing without TLS (CDK's EnforceSSL takes effect only once another statement
        // creates the topic's policy; cdk-nag AwsSolutions-SNS3 looks for this one).
        List<Cs> statements = [Cs.Call("RequireSecureTransport", Cs.Name(node.Member))];
        statements.AddRange(node.Attributes("EmailSubscription")
            .Select(e => Cs.Call(node.Member + ".AddSubscription", Cs.New("SnsSubscriptions::EmailSubscription", Cs.String(e.Value)))));
        stack.SecureDefault("SNS topics: a topic policy denies publishing without TLS (aws:SecureTransport).");
        stack.Add(node, node.Member, "Sns::Topic", Cs.New("Sns::Topic", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props), statements);
    }

    public override Access DefaultAccess => Access.Write;

    public override IReadOnlyList<Grant> Grants(Access access) =>
        access == Access.Read ? [] : [new("GrantPublish", "publish access to the topic")];

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems) =>
        nameStems.Contains("name") ? new(Cs.Name(node.Member + ".TopicName"), "topic name") : new(Cs.Name(node.Member + ".TopicArn"), "topic ARN");

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) => new("MetricNumberOfNotificationsFailed", "failed notifications", node.Member);

    [GeneratedRegex(@"\b(?:e-?mail(?:\s+subscription)?|subscri\w+)\s*(?:to|for|[:=]|\()?\s*(?:e-?mail\s+)?(?<address>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex EmailWords();

    [GeneratedRegex(@"\bcontent[- ]based\s+dedup(?:lication)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeduplicationWords();

    [GeneratedRegex(@"\bfifo\b", RegexOptions.IgnoreCase)]
    private static partial Regex FifoWords();

    [GeneratedRegex(@"\bsse[- ]kms\b|\bcustomer[- ]managed\s+(?:kms\s+)?key\b|\bcmk\b|\bkms(?:[- ](?:encrypted|encryption|key))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex KmsWords();
}
