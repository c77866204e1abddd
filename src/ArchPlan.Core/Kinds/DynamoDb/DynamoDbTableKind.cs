using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.DynamoDb;

/// <summary>
/// A DynamoDB table: encrypted, retained, point-in-time recovery on unless the plan says otherwise. Understands the
/// partition and sort keys (names and types), billing mode and capacity, point-in-time recovery, the TTL attribute,
/// streams, global secondary indexes, KMS encryption and the table class.
/// </summary>
/// <remarks>Attributes: <c>PartitionKey</c>/<c>SortKey</c> (name, or name:STRING|NUMBER|BINARY), <c>BillingMode</c>,
/// <c>ReadCapacity</c>/<c>WriteCapacity</c>, <c>PointInTimeRecovery</c>, <c>TimeToLive</c> (attribute name),
/// <c>Stream</c> (view type or NONE), <c>Index</c> (name:pk[:sk], many), <c>Encryption</c>, <c>TableClass</c>.</remarks>
internal sealed partial class DynamoDbTableKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.DynamoDbTable];

    public override string Suffix => "Table";

    public override string Title => "DynamoDB table";

    public override BuildPhase Phase => BuildPhase.Storage;

    public override IReadOnlyList<string> KindWords { get; } = ["table", "encrypted", "encryption at rest", "items", "single-table", "single table design"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("Index", IndexWords(), m => $"{(m.Has("index") ? m["index"] : m["pk"] + "-index")}:{m["pk"]}" + (m.Has("sk") ? ":" + m["sk"] : ""), Many: true),
        new("PartitionKey", PartitionKeyWords(), Key),
        new("SortKey", SortKeyWords(), Key),
        new("BillingMode", OnDemandWords(), _ => "PAY_PER_REQUEST"),
        new("BillingMode", ProvisionedWords(), _ => "PROVISIONED"),
        new("ReadCapacity", ReadCapacityWords(), m => Whole(m)),
        new("WriteCapacity", WriteCapacityWords(), m => Whole(m)),
        new("PointInTimeRecovery", PitrWords(), Flag),
        new("TimeToLive", TtlWords(), m => m["name"]),
        new("Stream", StreamWords(), m => m.Negated ? "NONE" : ViewType(m["view"])),
        new("Encryption", KmsWords(), m => m.Value.Contains("aws", StringComparison.OrdinalIgnoreCase) ? "AWS_MANAGED" : "CUSTOMER_MANAGED"),
        new("TableClass", InfrequentAccessWords(), _ => "STANDARD_INFREQUENT_ACCESS"),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var partition = node.Attribute("PartitionKey");
        var sort = node.Attribute("SortKey");
        if (partition is null)
        {
            stack.Report(DiagnosticCatalog.GenerationDefaultUsed, node.Resource.Location, "partition key", node.Name,
                sort is null ? "'pk' (string) with sort key 'sk' (string)" : "'pk' (string)",
                "Keys cannot change after the table is created: state them, e.g. 'partition key `orderId` (string)'.");
            stack.Note($"Table {node.Name}: the plan states no keys; 'pk'/'sk' (strings) are used. Keys cannot change once deployed.");
        }
        var props = Cs.New("Dynamo::TableProps")
            .With("PartitionKey", KeyOf(partition?.Value ?? "pk:STRING", stack, node, partition))
            .With("SortKey", KeyOf(sort?.Value ?? "sk:STRING", stack, node, sort), when: sort is not null || partition is null);

        var billing = node.Attribute("BillingMode")?.Value ?? "PAY_PER_REQUEST";
        props = props.With("BillingMode", Cs.Name("Dynamo::BillingMode." + billing));
        if (billing == "PROVISIONED")
        {
            props = props
                .With("ReadCapacity", Capacity(node.Attribute("ReadCapacity")), when: node.Attribute("ReadCapacity") is not null)
                .With("WriteCapacity", Capacity(node.Attribute("WriteCapacity")), when: node.Attribute("WriteCapacity") is not null);
        }
        else if ((node.Attribute("ReadCapacity") ?? node.Attribute("WriteCapacity")) is { } capacity)
        {
            stack.NotGenerated(node, capacity.Phrase, "capacity units apply only to provisioned billing, and the table is on-demand");
        }

        props = props
            .With("PointInTimeRecovery", Cs.Bool(node.Attribute("PointInTimeRecovery")?.Value != "false"))
            .With("TimeToLiveAttribute", Cs.String(node.Attribute("TimeToLive")?.Value ?? ""), when: node.Attribute("TimeToLive") is not null)
            .With("Encryption", Cs.Name("Dynamo::TableEncryption." + (node.Attribute("Encryption")?.Value ?? "AWS_MANAGED")));

        var stream = node.Attribute("Stream");
        if (stream is { Value: "NONE" } && node.Stream)
        {
            stack.Report(DiagnosticCatalog.GenerationAttributeOverridden, stream.Location, node.Name, stream.Phrase,
                "a function is triggered by the table's changes, which needs a stream", "NEW_AND_OLD_IMAGES");
        }
        var view = stream is { Value: not "NONE" } ? stream.Value : node.Stream ? "NEW_AND_OLD_IMAGES" : null;
        props = props
            .With("Stream", Cs.Name("Dynamo::StreamViewType." + view), when: view is not null)
            .With("TableClass", Cs.Name("Dynamo::TableClass." + node.Attribute("TableClass")?.Value), when: node.Attribute("TableClass") is not null)
            .With("RemovalPolicy", Cs.Name("Cdk::RemovalPolicy.RETAIN"));

        var statements = new List<Cs>();
        foreach (var index in node.Attributes("Index"))
        {
            var parts = index.Value.Split(':');
            var gsi = Cs.New("Dynamo::GlobalSecondaryIndexProps")
                .With("IndexName", Cs.String(parts[0]))
                .With("PartitionKey", KeyOf(parts[1], stack, node, index))
                .With("SortKey", parts.Length > 2 ? KeyOf(parts[2], stack, node, index) : null, when: parts.Length > 2);
            statements.Add(Cs.Call(node.Member + ".AddGlobalSecondaryIndex", gsi));
        }
        stack.Add(node, node.Member, "Dynamo::Table",
            Cs.New("Dynamo::Table", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props), statements);
    }

    private static Cs Capacity(ResourceAttribute? attribute) => Cs.Number(Long(attribute!.Value));

    /// <summary>A key attribute; a key stated without a type is a string, and the user is told so.</summary>
    private static Cs KeyOf(string value, IStackContext stack, Node node, ResourceAttribute? stated)
    {
        var colon = value.LastIndexOf(':');
        var (name, type) = colon > 0 ? (value[..colon], value[(colon + 1)..]) : (value, "");
        if (type.Length == 0 && stated is not null)
        {
            stack.Report(DiagnosticCatalog.GenerationDefaultUsed, stated.Location, $"type of key '{name}'", node.Name, "string",
                "Say the type, e.g. '(number)': key types cannot change after the table is created.");
        }
        return Cs.New("Dynamo::Attribute")
            .With("Name", Cs.String(name))
            .With("Type", Cs.Name("Dynamo::AttributeType." + (type.Length == 0 ? "STRING" : type)));
    }

    public override IReadOnlyList<Grant> Grants(Access access) => access switch
    {
        Access.Read => [new("GrantReadData", "read access to the table")],
        Access.Write => [new("GrantWriteData", "write access to the table")],
        _ => [new("GrantReadWriteData", "read/write access to the table")],
    };

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems) =>
        nameStems.Contains("stream") ? new(Cs.Name(node.Member + ".TableStreamArn!"), "stream ARN")
        : nameStems.Contains("arn") ? new(Cs.Name(node.Member + ".TableArn"), "table ARN")
        : new(Cs.Name(node.Member + ".TableName"), "table name");

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) => new("MetricUserErrors", "user errors", node.Member);

    private static string? Key(PhraseMatch m)
    {
        var name = m["name"];
        if (name.Length == 0)
        {
            return null;
        }
        var type = m["type"].ToLowerInvariant();
        var canonical = type switch
        {
            "" => "",
            _ when type.StartsWith('s') => "STRING",
            _ when type.StartsWith('n') || type.StartsWith('i') => "NUMBER",
            _ => "BINARY",
        };
        return canonical.Length == 0 ? name : $"{name}:{canonical}";
    }

    private static string ViewType(string view) => view.ToLowerInvariant().Replace('_', ' ') switch
    {
        "" => "NEW_AND_OLD_IMAGES",
        var v when v.Contains("old", StringComparison.Ordinal) && v.Contains("new", StringComparison.Ordinal) => "NEW_AND_OLD_IMAGES",
        var v when v.Contains("new", StringComparison.Ordinal) => "NEW_IMAGE",
        var v when v.Contains("old", StringComparison.Ordinal) => "OLD_IMAGE",
        _ => "KEYS_ONLY",
    };

    // An attribute name as written (code span contents reach here as plain text), never a joining word.
    private const string Name = @"(?!(?:and|or|with|the|is|of|on|a|an|as|by|for|to|in|type|string|number)\b)(?<name>[A-Za-z_][\w.#-]*[\w#])";
    private const string KeyType = @"(?:\s*(?:\(\s*|:\s*|,\s*|\s+as\s+(?:a\s+)?|\s+of\s+type\s+|\s+))(?<type>strings?|numbers?|numeric|binary|s|n|b|str|int|integer)\b\)?";

    [GeneratedRegex(@"\b(?:partition|hash|primary)\s+key\b\s*(?:[:=]\s*|is\s+|named\s+|called\s+|on\s+|of\s+)?" + Name + "(?:" + KeyType + ")?|\\bkeyed\\s+(?:by|on)\\s+" + Name + "(?:" + KeyType + ")?|\\bpk\\b\\s*[:=]?\\s*" + Name + "(?:" + KeyType + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex PartitionKeyWords();

    [GeneratedRegex(@"\b(?:sort|range)\s+key\b\s*(?:[:=]\s*|is\s+|named\s+|called\s+|on\s+|of\s+)?" + Name + "(?:" + KeyType + ")?|\\bsk\\b\\s*[:=]?\\s*" + Name + "(?:" + KeyType + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex SortKeyWords();

    [GeneratedRegex(@"\b(?:gsi|global\s+secondary\s+index)\b\s*(?:[:=]\s*|named\s+|called\s+)?(?:(?!on\b|by\b|over\b)(?<index>[A-Za-z_][\w.-]*[\w])\s*)?(?:on|by|over|\(|:)\s*(?<pk>[A-Za-z_][\w.#-]*[\w#])(?:\s*(?:[,+/]|and|then)\s*(?<sk>[A-Za-z_][\w.#-]*[\w#]))?\)?", RegexOptions.IgnoreCase)]
    private static partial Regex IndexWords();

    [GeneratedRegex(@"\bon[- ]demand\b|\bpay[- _]per[- _]request\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnDemandWords();

    [GeneratedRegex(@"\bprovisioned(?:\s+(?:capacity|throughput|mode|billing))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProvisionedWords();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:rcus?\b|read\s+capacity(?:\s+units?)?\b)|\bread\s+capacity(?:\s+units?)?\s*(?:of|[:=])?\s*(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReadCapacityWords();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:wcus?\b|write\s+capacity(?:\s+units?)?\b)|\bwrite\s+capacity(?:\s+units?)?\s*(?:of|[:=])?\s*(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex WriteCapacityWords();

    [GeneratedRegex(@"\bpoint[- ]in[- ]time[- ]recovery\b(?:\s*\(pitr\))?|\bpitr\b|\bcontinuous\s+backups?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PitrWords();

    [GeneratedRegex(@"\b(?:ttl|time[- ]to[- ]live)\b(?:\s+(?:attribute|field|column))?\s*(?:[:=]\s*|on\s+|is\s+|named\s+|via\s+|using\s+|set\s+on\s+)?(?:the\s+)?" + Name + @"(?:\s+(?:attribute|field))?|\bexpir\w*\s+(?:items\s+|records\s+)?(?:via|using|on|with)\s+(?:the\s+)?" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex TtlWords();

    [GeneratedRegex(@"\b(?:dynamodb\s+)?streams?\b(?:\s+enabled)?(?:\s*(?:[:=(]\s*|\s+with\s+|\s+of\s+|\s+)(?<view>new\s+(?:and|&)\s+old\s+images?|new[_ ]and[_ ]old[_ ]images|new[_ ]images?|old[_ ]images?|keys[_ ]only)\)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex StreamWords();

    [GeneratedRegex(@"\baws[- ]managed\s+kms(?:\s+key)?\b|\bcustomer[- ]managed\s+(?:kms\s+)?key\b|\bcmk\b|\bkms(?:[- ](?:encrypted|encryption|key))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex KmsWords();

    [GeneratedRegex(@"\b(?:standard[- ])?infrequent[- ]access(?:\s+table)?(?:\s+class)?\b|\bstandard_ia\b", RegexOptions.IgnoreCase)]
    private static partial Regex InfrequentAccessWords();
}
