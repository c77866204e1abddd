using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Finds the relationships the plan states between resources (a rule that starts a task, an API that fronts a function).</summary>
internal static partial class ResourceLinker
{
    /// <param name="resources">The plan's resources, in plan order.</param>
    /// <param name="everyPair">Test every pair of resources instead of only the mention candidates (the reference the tests compare with).</param>
    public static List<PlannedResource> Link(List<PlannedResource> resources, bool everyPair = false)
    {
        var result = new List<PlannedResource>(resources);
        var links = resources.ToDictionary(r => r, _ => new List<ResourceLink>());
        var candidates = new MentionCandidates(resources);

        foreach (var from in resources)
        {
            var mentioned = everyPair ? resources : candidates.For(from).ToList();
            // Where each other resource's name ends in this text: the words after the last one govern the next mention.
            var mentionEnds = mentioned.Where(r => !ReferenceEquals(r, from))
                .SelectMany(r => TextSearch.WholeName(from.Text, r.Name).Select(at => at + r.Name.Length))
                .Order()
                .ToList();
            foreach (var to in mentioned)
            {
                var sameKind = from.Kind == to.Kind;
                if (ReferenceEquals(from, to) || (sameKind && from.Kind != ResourceKind.LambdaFunction) || !Mentions(from, to, resources, out var index))
                {
                    continue;
                }
                var before = from.Text[..index].ToLowerInvariant();
                var previousEnd = mentionEnds.LastOrDefault(end => end <= index, -1);
                var window = Clause(before.Length > 60 ? before[^60..] : before, previousEnd < 0 ? null : before[previousEnd..]);

                // One function naming another links them only when it says it calls it ("invokes `escalate`").
                if (sameKind)
                {
                    if (InvokesWords().IsMatch(window))
                    {
                        links[from].Add(new ResourceLink(LinkKind.Uses, to.Name, Access.Write));
                    }
                    continue;
                }

                // "started by `worker`" on a state machine's line, "subscribed to `topic`" on a queue's: the
                // link belongs to the resource named, whatever the grammar of the sentence.
                if (StartedByWords().IsMatch(window) && from.Kind is ResourceKind.StateMachine or ResourceKind.FargateTask or ResourceKind.FargateService
                    && (to.IsCompute || to.Kind == ResourceKind.EventBridgeRule))
                {
                    links[to].Add(new ResourceLink(LinkKind.Starts, from.Name));
                    continue;
                }
                if (SubscribedToWords().IsMatch(window) && to.Kind == ResourceKind.SnsTopic && from.Kind == ResourceKind.SqsQueue)
                {
                    links[to].Add(new ResourceLink(LinkKind.Notifies, from.Name));
                    continue;
                }
                // "table `t` — read by `api`, written by `worker`": the compute named uses the resource, in that direction.
                if (to.IsCompute && from.Kind is ResourceKind.S3Bucket or ResourceKind.DynamoDbTable or ResourceKind.SnsTopic or ResourceKind.SqsQueue
                    && PassiveAccess(window, from.Kind) is { } passive)
                {
                    links[to].Add(new ResourceLink(LinkKind.Uses, from.Name, passive));
                    continue;
                }
                switch (from.Kind, to.IsCompute)
                {
                    case (ResourceKind.EventBridgeRule, true) when to.Kind == ResourceKind.LambdaFunction:
                        links[from].Add(new ResourceLink(LinkKind.Triggers, to.Name));
                        break;
                    case (ResourceKind.EventBridgeRule, _) when to.IsCompute || to.Kind == ResourceKind.StateMachine:
                        links[from].Add(new ResourceLink(LinkKind.Starts, to.Name));
                        break;
                    case (ResourceKind.EventBridgeRule, _) when to.Kind is ResourceKind.SnsTopic or ResourceKind.SqsQueue:
                        links[from].Add(new ResourceLink(LinkKind.Notifies, to.Name));
                        break;
                    case (ResourceKind.RestApi or ResourceKind.HttpApi, true):
                        links[from].Add(new ResourceLink(LinkKind.Fronts, to.Name));
                        break;
                    case (ResourceKind.RestApi or ResourceKind.HttpApi, _) when to.Kind == ResourceKind.StateMachine:
                        links[from].Add(new ResourceLink(LinkKind.Fronts, to.Name));
                        break;
                    case (ResourceKind.CloudWatchAlarm, _) when to.Kind == ResourceKind.SnsTopic:
                        links[from].Add(new ResourceLink(LinkKind.Notifies, to.Name));
                        break;
                    case (ResourceKind.CloudWatchAlarm, _) when to.Kind is not (ResourceKind.EventBridgeRule or ResourceKind.CloudWatchAlarm):
                        links[from].Add(new ResourceLink(LinkKind.Uses, to.Name));
                        break;
                    case (ResourceKind.S3Bucket or ResourceKind.SqsQueue or ResourceKind.SnsTopic or ResourceKind.DynamoDbTable, true)
                        when TriggerWords().IsMatch(window):
                        links[from].Add(new ResourceLink(LinkKind.Triggers, to.Name));
                        break;
                    case (ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask, _)
                        when to.Kind is ResourceKind.SqsQueue or ResourceKind.SnsTopic or ResourceKind.S3Bucket or ResourceKind.DynamoDbTable
                        && TriggeredByWords().IsMatch(window):
                        links[to].Add(new ResourceLink(LinkKind.Triggers, from.Name));
                        break;
                    case (ResourceKind.SnsTopic, _) when to.Kind == ResourceKind.SqsQueue && TriggerWords().IsMatch(window):
                        links[from].Add(new ResourceLink(LinkKind.Notifies, to.Name));
                        break;
                    case (ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask, _)
                        when to.Kind == ResourceKind.StateMachine && StartsWords().IsMatch(window):
                        links[from].Add(new ResourceLink(LinkKind.Starts, to.Name));
                        break;
                    case (ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask or ResourceKind.StateMachine, _)
                        when to.Kind is not (ResourceKind.EventBridgeRule or ResourceKind.CloudWatchAlarm or ResourceKind.Unknown or ResourceKind.RestApi or ResourceKind.HttpApi):
                        links[from].Add(new ResourceLink(LinkKind.Uses, to.Name, ActiveAccess(window)));
                        break;
                }
            }
        }

        for (var i = 0; i < result.Count; i++)
        {
            var distinct = links[resources[i]].Distinct().ToList();
            if (distinct.Count > 0)
            {
                result[i] = result[i] with { Links = distinct.ToEquatableArray() };
            }
        }
        return result;
    }

    /// <summary>
    /// The resources a resource's text can mention, in plan order: those whose name may stand in the text
    /// (<see cref="NameIndex"/>) and the only one of each kind (named by its kind word), so linking grows with the plan
    /// instead of with every pair of resources.
    /// </summary>
    private sealed class MentionCandidates(List<PlannedResource> resources)
    {
        private readonly NameIndex _names = new(
            resources.Select(r => r.Name).ToList(),
            resources.Select((r, i) => (r.Kind, i)).GroupBy(x => x.Kind).Where(g => g.Count() == 1).Select(g => g.Single().i));

        public IEnumerable<PlannedResource> For(PlannedResource from) => _names.Candidates(from.Text).Select(i => resources[i]);
    }

    /// <summary>True when <paramref name="from"/>'s text names <paramref name="to"/>, by its name or, when it is the only one of its kind, by its kind word.</summary>
    private static bool Mentions(PlannedResource from, PlannedResource to, List<PlannedResource> all, out int index)
    {
        foreach (var at in TextSearch.WholeName(from.Text, to.Name))
        {
            // "image from ECR repository `payments-worker`" names an image that happens to share a resource's name.
            if (!ImageLead().IsMatch(from.Text[..at]))
            {
                index = at;
                return true;
            }
        }
        index = 0;
        if (KindCount(all, to.Kind) != 1 || KindWord(to.Kind) is not { } word)
        {
            return false;
        }
        // Look for kind words only after the resource's own kind and name ("ECS Fargate service `x`" must not
        // read as a mention of the only Fargate task).
        var skip = ResourceRecognizer.Recognize(from.Text) is { } own ? own.Index + own.Length : 0;
        var ownName = from.Text.IndexOf(from.Name, StringComparison.OrdinalIgnoreCase);
        if (ownName >= 0)
        {
            skip = Math.Max(skip, ownName + from.Name.Length);
        }
        var byKind = Regex.Match(from.Text.ToLowerInvariant()[skip..], word);
        if (byKind.Success)
        {
            index = skip + byKind.Index;
        }
        return byKind.Success;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<List<PlannedResource>, Dictionary<ResourceKind, int>> KindCounts = [];

    /// <summary>How many resources of a kind the plan has (counted once per list, not once per pair).</summary>
    private static int KindCount(List<PlannedResource> all, ResourceKind kind) =>
        KindCounts.GetValue(all, list => list.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count())).GetValueOrDefault(kind);

    private static string? KindWord(ResourceKind kind) => kind switch
    {
        ResourceKind.LambdaFunction => @"\blambda\b|\bfunction\b",
        ResourceKind.FargateTask => @"\bfargate\b|\becs\b|\btask\b",
        ResourceKind.FargateService => @"\bfargate\b|\becs\b|\bservice\b",
        ResourceKind.S3Bucket => @"\bs3\b|\bbucket\b",
        ResourceKind.DynamoDbTable => @"\bdynamo\s*db\b|\btable\b",
        ResourceKind.SqsQueue => @"\bsqs\b|\bqueue\b",
        ResourceKind.SnsTopic => @"\bsns\b|\btopic\b",
        ResourceKind.StateMachine => @"\bstate\s*machine\b|\bstep\s*functions?\b",
        ResourceKind.RdsInstance or ResourceKind.AuroraCluster => @"\brds\b|\baurora\b|\bdatabase\b|\bpostgres(?:ql)?\b",
        _ => null,
    };

    /// <summary>
    /// What the verbs right before a mention say the compute does with it ("reads from", "writes to", "reads and writes");
    /// the verb nearest the mention wins, so "reads `a` and writes `b`" reads a and writes b.
    /// </summary>
    /// <summary>
    /// The words that govern a mention: those after the previous mention of another resource when they hold a verb of their
    /// own ("consumes `jobs` and writes to `records`": "writes to" governs records, "consumes" does not), else the
    /// whole window ("triggered by `a` and `b`": "triggered by" governs both).
    /// </summary>
    internal static string Clause(string window, string? sincePreviousMention)
    {
        // Most mentions are listed (", ", " and "): words that hold no verb leave the whole window in charge.
        if (sincePreviousMention is not { } tail || !HasWordOfThreeLetters(tail))
        {
            return window;
        }
        return BothVerbs().IsMatch(tail) || ReadVerbs().IsMatch(tail) || WriteVerbs().IsMatch(tail) || TriggerWords().IsMatch(tail)
            || TriggeredByWords().IsMatch(tail) || StartsWords().IsMatch(tail) || PassiveVerbs().IsMatch(tail) || StartedByWords().IsMatch(tail)
            || SubscribedToWords().IsMatch(tail)
            ? tail
            : window;
    }

    /// <summary>True when the text holds a word of three letters or more other than "and" or "the" (every verb does).</summary>
    private static bool HasWordOfThreeLetters(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }
            if (start >= 0 && i - start >= 3)
            {
                var word = text.AsSpan(start, i - start);
                if (!word.Equals("and", StringComparison.OrdinalIgnoreCase) && !word.Equals("the", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            start = -1;
        }
        return false;
    }

    internal static Access ActiveAccess(string window)
    {
        if (BothVerbs().IsMatch(window))
        {
            return Access.ReadWrite;
        }
        var read = LastIndex(ReadVerbs(), window);
        var write = LastIndex(WriteVerbs(), window);
        return read < 0 && write < 0 ? Access.Unspecified : read > write ? Access.Read : Access.Write;
    }

    /// <summary>"read by", "written by", "used by" on a resource's own line, for the compute named after it; null when none is said.</summary>
    internal static Access? PassiveAccess(string window, ResourceKind kind)
    {
        var match = PassiveVerbs().Match(window);
        if (!match.Success)
        {
            return null;
        }
        var verb = match.Groups["verb"].Value;
        // A queue that is read, consumed or processed by a compute triggers it (handled as a trigger).
        if (kind == ResourceKind.SqsQueue && verb is not ("written" or "fed" or "filled" or "populated" or "sent" or "used" or "accessed" or "shared"))
        {
            return null;
        }
        return verb switch
        {
            "read" or "queried" or "fetched" or "scanned" or "downloaded" or "loaded" => Access.Read,
            "written" or "updated" or "filled" or "populated" or "fed" or "sent" or "published" or "uploaded" => Access.Write,
            _ => Access.Unspecified,
        };
    }

    private static int LastIndex(Regex regex, string text)
    {
        var last = -1;
        foreach (Match m in regex.Matches(text))
        {
            last = m.Index;
        }
        return last;
    }

    [GeneratedRegex(@"\b(?:reads?\s+(?:from\s+)?and\s+writes?|read\s*/\s*write|read-write|r/w|reads?\s+and\s+updates?|reads?,?\s+writes?|full\s+access)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BothVerbs();

    [GeneratedRegex(@"\b(?:reads?|reading|queries|query|querying|consumes?|consuming|polls?|polling|fetch(?:es)?|fetching|loads?\s+from|downloads?|gets?\s+from|scans?|lists?|receives?|pulls?\s+from|looks?\s+up|selects?\s+from|select)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadVerbs();

    [GeneratedRegex(@"\b(?:writes?|writing|written|puts?|sends?|sending|publish(?:es|ing)?|enqueues?|uploads?|stores?|storing|saves?|inserts?|updates?|deletes?|appends?|emits?|pushes|push(?:ing)?|records?|archives?|dumps?|exports?\s+to|drops?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WriteVerbs();

    [GeneratedRegex(@"\b(?<verb>read|queried|fetched|scanned|downloaded|loaded|written|updated|filled|populated|fed|sent|published|uploaded|used|accessed|shared)\s+(?:to\s+|from\s+)?by\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveVerbs();

    [GeneratedRegex(@"\b(?:trigger|triggers|invoke|invokes|notif|notifies|feeds?|delivers?|events?\s+to|sends?\s+to|fans?\s+out\s+to|publish\w*\s+to|(?:processed|consumed|handled|polled|read)\s+by)\w*\b")]
    private static partial Regex TriggerWords();

    [GeneratedRegex(@"\b(?:consum\w*|process\w*|triggered\s+by|invoked\s+by|subscribe\w*|listen\w*|polls?|reads?\s+messages|driven\s+by|fed\s+by)\b")]
    private static partial Regex TriggeredByWords();

    [GeneratedRegex(@"\b(?:started|run|launched|kicked\s+off|executed)\s+by\s*$")]
    private static partial Regex StartedByWords();

    [GeneratedRegex(@"\b(?:subscribed|subscribes|subscription)\s+to\s*$")]
    private static partial Regex SubscribedToWords();

    [GeneratedRegex(@"\b(?:starts?|starting|runs?|executes?|kicks?\s+off)\b")]
    private static partial Regex StartsWords();

    [GeneratedRegex(@"\b(?:invok(?:e|es|ing)|calls?|calling|fans?\s+out\s+to)\b[^.;]*$")]
    private static partial Regex InvokesWords();

    [GeneratedRegex(@"(?:repository|repo|image)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageLead();
}
