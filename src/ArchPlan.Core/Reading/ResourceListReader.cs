using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>Reads the AWS Resources list (bulleted or numbered, nested or flat, or a table) into planned resources.</summary>
internal sealed partial class ResourceListReader(SourceText source, Outline outline, DiagnosticBag diagnostics)
{
    private sealed class Draft
    {
        public required ResourceKind Kind;
        public required string Name;
        public required string Head;
        public required string FullText;
        public required SourceLocation Location;
        public bool IsDeadLetterQueueItem;
        public bool NameIsDerived;
    }

    private readonly List<Draft> _drafts = [];

    public IReadOnlyList<PlannedResource> Read(MarkdownDocument document, Func<string, string> substitute)
    {
        var sections = outline.Headings.Where(h => SectionNames.IsAwsResources(h.Key)).ToList();
        if (sections.Count == 0)
        {
            Discover(document, substitute);
        }
        foreach (var heading in sections)
        {
            var end = outline.SectionEnd(heading, source.Text.Length);
            var blocks = document.Where(b => b.Span.Start > heading.Start && b.Span.Start < end).ToList();
            var before = _drafts.Count;
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case ListBlock list:
                        foreach (var item in list.OfType<ListItemBlock>())
                        {
                            ReadItem(item, substitute);
                        }
                        break;
                    case Table table:
                        ReadTable(table, substitute);
                        break;
                }
            }
            if (_drafts.Count == before)
            {
                diagnostics.Add(DiagnosticCatalog.NoResourcesListed, source.AtLine(heading.Line, heading.Column));
            }
        }
        return Finish();
    }

    private void ReadItem(ListItemBlock item, Func<string, string> substitute)
    {
        var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
        var nested = item.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).ToList();
        var head = paragraph is null ? "" : substitute(InlineText.Of(paragraph.Inline));
        var recognized = ResourceRecognizer.Recognize(head);

        if (recognized is null && nested.Count > 0)
        {
            // A grouping item such as "**Compute**" whose children are the resources.
            foreach (var child in nested)
            {
                ReadItem(child, substitute);
            }
            return;
        }

        var location = source.At(item.Span.Start, paragraph?.Span.End - item.Span.Start + 1 ?? item.Span.Length);
        var details = string.Join(' ', nested.Select(n => substitute(InlineText.Of(n))));
        var full = details.Length > 0 ? head + " " + details : head;
        if (head.Length == 0)
        {
            return;
        }
        if (recognized is null)
        {
            diagnostics.Add(DiagnosticCatalog.UnknownResource, location, Truncate(head));
            var unknownName = EarlierName(head, NameFromCode(paragraph!, substitute, head), NameFromBold(paragraph!, substitute)) ?? NameFromProse(head, ResourceKind.Unknown);
            _drafts.Add(new Draft { Kind = ResourceKind.Unknown, Name = unknownName, Head = head, FullText = full, Location = location });
            return;
        }
        var kind = recognized.Value.Kind;
        var given = EarlierName(head, NameFromCode(paragraph!, substitute, head), NameFromBold(paragraph!, substitute));
        // A rule that gives no name is named after what it starts ("every weekday at 9, starts `refund-worker`").
        var name = given ?? (kind == ResourceKind.EventBridgeRule && StartedTarget(paragraph!, substitute, head) is { } target
            ? target + "-schedule"
            : NameFromProse(head, kind));
        _drafts.Add(new Draft
        {
            Kind = kind,
            Name = name,
            NameIsDerived = given is null,
            Head = head,
            FullText = full,
            Location = location,
            IsDeadLetterQueueItem = kind == ResourceKind.SqsQueue && IsDeadLetterQueueItem(head, name),
        });
    }

    private void ReadTable(Table table, Func<string, string> substitute)
    {
        foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().ToList();
            var text = substitute(string.Join(" — ", cells.Select(c => InlineText.Of(c, inTableCell: true))));
            var location = source.At(row.Span.Start, row.Span.Length);
            var recognized = ResourceRecognizer.Recognize(text);
            if (recognized is null)
            {
                diagnostics.Add(DiagnosticCatalog.UnknownResource, location, Truncate(text));
                _drafts.Add(new Draft { Kind = ResourceKind.Unknown, Name = Slug(text), Head = text, FullText = text, Location = location });
                continue;
            }
            var code = cells.SelectMany(c => c.Descendants<ParagraphBlock>()).SelectMany(InlineText.CodeSpans).Select(c => substitute(c.Content)).FirstOrDefault(IsResourceName);
            _drafts.Add(new Draft { Kind = recognized.Value.Kind, Name = code ?? NameFromProse(text, recognized.Value.Kind), Head = text, FullText = text, Location = location, NameIsDerived = code is null });
        }
    }

    private List<PlannedResource> Finish()
    {
        // A listed dead-letter queue belongs to the queue it serves: mark that queue instead of creating two.
        var queues = _drafts.Where(d => d.Kind == ResourceKind.SqsQueue && !d.IsDeadLetterQueueItem).ToList();
        var dlqFor = new HashSet<Draft>();
        foreach (var dlq in _drafts.Where(d => d.IsDeadLetterQueueItem).ToList())
        {
            var owner = queues.FirstOrDefault(q => Mentions(dlq.FullText, q.Name))
                ?? queues.FirstOrDefault(q => dlq.Name.StartsWith(q.Name, StringComparison.OrdinalIgnoreCase))
                ?? (queues.Count == 1 ? queues[0] : null);
            if (owner is not null)
            {
                dlqFor.Add(owner);
                _drafts.Remove(dlq);
            }
        }

        var used = new Dictionary<string, Draft>(StringComparer.OrdinalIgnoreCase);
        foreach (var draft in _drafts)
        {
            // Discovered resources are one per kind and name already; one name may stand for two kinds there (a
            // service and the ECR repository of its image).
            if (!_discovering && used.TryGetValue(draft.Name, out var first))
            {
                var renamed = Unique(draft.Name, used);
                diagnostics.Add(DiagnosticCatalog.DuplicateResourceName, draft.Location, draft.Name, first.Location.Line, renamed);
                draft.Name = renamed;
            }
            used[draft.Name] = draft;
        }

        // Resource names are not schedule words: `nightly-cleanup` or `hourly-sync` states no schedule. Each text is
        // cleared of the names that may stand in it (longest first), not of every name: one pattern of every name
        // made reading grow with names × texts.
        var names = _drafts.Select(d => d.Name).Where(n => n.Length > 0).OrderByDescending(n => n.Length).ToList();
        var nameIndex = new NameIndex(names);
        var nameWords = new Dictionary<string, Regex>(StringComparer.Ordinal);
        var resources = new List<PlannedResource>();
        foreach (var draft in _drafts)
        {
            var isCompute = draft.Kind is ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask;
            // Only rules and compute state schedules; other texts are not searched.
            var scheduleText = draft.FullText;
            if (draft.Kind is ResourceKind.EventBridgeRule || isCompute)
            {
                var present = nameIndex.Candidates(draft.FullText);
                if (present.Count > 0)
                {
                    var pattern = $@"(?<![\w-])(?:{string.Join('|', present.Select(i => Regex.Escape(names[i])))})(?![\w-])";
                    if (!nameWords.TryGetValue(pattern, out var regex))
                    {
                        nameWords[pattern] = regex = new Regex(pattern, RegexOptions.IgnoreCase);
                    }
                    scheduleText = regex.Replace(draft.FullText, " ");
                }
            }
            var schedule = draft.Kind is ResourceKind.EventBridgeRule || isCompute ? ScheduleParser.Parse(scheduleText) : null;
            if (schedule is null && draft.Kind == ResourceKind.EventBridgeRule && ScheduleParser.LooksLikeSchedule(scheduleText))
            {
                diagnostics.Add(DiagnosticCatalog.UnparsedSchedule, draft.Location, Truncate(draft.FullText));
            }
            resources.Add(new PlannedResource
            {
                Kind = draft.Kind,
                Name = draft.Name,
                NameIsDerived = draft.NameIsDerived,
                Text = draft.FullText,
                Location = draft.Location,
                Runtime = draft.Kind == ResourceKind.LambdaFunction ? ResourceRecognizer.Runtime(draft.FullText) : null,
                MemoryMb = isCompute ? ResourceRecognizer.MemoryMb(draft.FullText) : null,
                Cpu = draft.Kind is ResourceKind.FargateService or ResourceKind.FargateTask ? ResourceRecognizer.CpuUnits(draft.FullText) : null,
                TimeoutSeconds = draft.Kind is ResourceKind.LambdaFunction or ResourceKind.StateMachine ? ResourceRecognizer.TimeoutSeconds(draft.FullText) : null,
                Schedule = schedule,
                DeadLetterQueue = dlqFor.Contains(draft)
                    || (draft.Kind is ResourceKind.SqsQueue or ResourceKind.LambdaFunction && DeadLetterWords().IsMatch(draft.FullText)),
                Image = draft.Kind is ResourceKind.FargateService or ResourceKind.FargateTask ? ResourceRecognizer.EcrRepository(draft.FullText) : null,
            });
        }
        return ResourceLinker.Link(resources);
    }

    private static bool IsDeadLetterQueueItem(string head, string name) =>
        name.Contains("dlq", StringComparison.OrdinalIgnoreCase)
        || name.Contains("dead-letter", StringComparison.OrdinalIgnoreCase)
        || DeadLetterLead().IsMatch(head);

    /// <summary>The code span a start verb governs ("starts `worker`", "triggers `sync`"), or null.</summary>
    private static string? StartedTarget(ParagraphBlock paragraph, Func<string, string> substitute, string head)
    {
        foreach (var code in InlineText.CodeSpans(paragraph).Select(c => substitute(c.Content.Trim())))
        {
            var at = code.Length == 0 ? -1 : head.IndexOf(code, StringComparison.Ordinal);
            if (at >= 0 && IsResourceName(code) && StartLead().IsMatch(head[..at]))
            {
                return code;
            }
        }
        return null;
    }

    /// <summary>Of a code-span name and a bold name, the one the item writes first ("**orders** — DynamoDB table, key `id`").</summary>
    private static string? EarlierName(string head, string? code, string? bold)
    {
        if (code is null || bold is null)
        {
            return code ?? bold;
        }
        var codeAt = head.IndexOf(code, StringComparison.Ordinal);
        var boldAt = head.IndexOf(bold, StringComparison.OrdinalIgnoreCase);
        return boldAt >= 0 && (codeAt < 0 || boldAt < codeAt) ? bold : code;
    }

    /// <summary>
    /// The first code span that names the resource: not one in reference position ("starts `worker`", "alarm on
    /// `payment-events`", "reads from `orders`"), which names another resource.
    /// </summary>
    private static string? NameFromCode(ParagraphBlock paragraph, Func<string, string> substitute, string head)
    {
        var searchFrom = 0;
        (ResourceKind Kind, int Index, int Length)? own = null;
        var recognized = false;
        foreach (var code in InlineText.CodeSpans(paragraph).Select(c => substitute(c.Content.Trim())))
        {
            var at = code.Length == 0 ? -1 : head.IndexOf(code, searchFrom, StringComparison.Ordinal);
            if (at >= 0)
            {
                searchFrom = at + code.Length;
            }
            if (!IsResourceName(code))
            {
                continue;
            }
            if (at >= 0 && ReferenceLead().IsMatch(head[..at]))
            {
                continue;
            }
            // After the kind words, only a span right after them names the resource ("DynamoDB table `orders`",
            // "Lambda function named `worker`"): later ones are attribute values ("partition key `orderId`").
            if (at >= 0 && !recognized)
            {
                (own, recognized) = (ResourceRecognizer.Recognize(head), true);
            }
            if (at >= 0 && own is { } kind && at >= kind.Index + kind.Length && !IsNameGap(head[(kind.Index + kind.Length)..at]))
            {
                continue;
            }
            return code;
        }
        return null;
    }

    private static string? NameFromBold(ParagraphBlock paragraph, Func<string, string> substitute)
    {
        foreach (var emphasis in paragraph.Inline?.Descendants<EmphasisInline>() ?? [])
        {
            if (emphasis.DelimiterCount < 2)
            {
                continue;
            }
            var text = substitute(InlineText.Of(emphasis));
            if (text.Length > 0 && ResourceRecognizer.Recognize(text) is null)
            {
                return Slug(text);
            }
        }
        return null;
    }

    /// <summary>
    /// A name from the item's words when it gives none: the first clause with words left once the kind words and
    /// the little words are gone ("alarm on `payment-events` DLQ depth above 0" → <c>payment-events-dlq-depth</c>).
    /// </summary>
    private static string NameFromProse(string head, ResourceKind kind)
    {
        foreach (var clause in ClauseEnd().Split(ResourceRecognizer.StripOwnKindWords(head)).Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            var words = Slug(clause).Split('-', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !LittleWords.Contains(w) && !w.All(char.IsAsciiDigit))
                .Take(4)
                .ToList();
            if (words.Count > 0)
            {
                return string.Join('-', words);
            }
        }
        return Slug(kind.ToString());
    }

    // Words that say how, not what: left out of names made from prose.
    private static readonly HashSet<string> LittleWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "for", "to", "from", "by", "with", "when", "whenever", "if", "that", "which", "is", "are",
        "be", "in", "at", "and", "or", "than", "more", "less", "above", "below", "over", "under", "every", "each", "per", "one",
        "new", "our", "its", "this", "we", "it", "used", "holds", "holding", "stores", "storing", "named", "called",
        // Kind nouns, when the kind's own phrase was written apart from them.
        "queue", "bucket", "topic", "alarm", "table", "function", "lambda", "service", "rule", "api", "sqs", "sns", "s3", "dynamodb",
        "cloudwatch", "eventbridge", "fargate", "ecs", "rds", "aurora",
        // Settings, not names.
        "python", "node", "nodejs", "dotnet", "java", "ruby", "go", "mb", "gb", "runtime", "memory", "timeout", "arm64", "x86",
        "vcpu", "cpu", "min", "mins", "minutes", "seconds", "sec", "s", "ms", "hours", "days", "utc",
    };

    // A name longer than AWS allows is still the name the plan gives (check says it is too long): read as prose, two
    // such names cut to their first words would collide and be reported as one name used twice.
    private static bool IsResourceName(string text) =>
        text.Length is > 0 and <= MaxNameLength && ResourceName().IsMatch(text) && !RuntimeLike().IsMatch(text);

    /// <summary>Longer code spans are not names (AWS's longest, an SNS topic's, is 256).</summary>
    private const int MaxNameLength = 1024;

    private static bool Mentions(string text, string name) =>
        TextSearch.ContainsName(text, name);

    private static string Unique(string name, Dictionary<string, Draft> used)
    {
        for (var i = 2; ; i++)
        {
            var candidate = $"{name}-{i}";
            if (!used.ContainsKey(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Lowercase words joined by hyphens.</summary>
    internal static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/:-]*$")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"^(?:python|nodejs|node|dotnet|java|ruby)\d|^provided\.|^(?:cron|rate)\(|^\d+(?:\.\d+)?$")]
    private static partial Regex RuntimeLike();

    [GeneratedRegex(@"\s+[—–-]\s+|:\s|\(|,|;")]
    private static partial Regex ClauseEnd();

    /// <summary>
    /// What may stand between the kind words and the name: the rest of the kind ("queue", "Function**"), "named",
    /// "called" — at most three words and no clause break (a comma, dash, parenthesis or semicolon starts the settings).
    /// </summary>
    private static bool IsNameGap(string gap) =>
        gap.IndexOfAny([',', ';', '(', '—', '–']) < 0 && !gap.Contains(" - ", StringComparison.Ordinal)
        && gap.Split([' ', '\t', '*', '_', '`', ':'], StringSplitOptions.RemoveEmptyEntries).Length <= 3;

    [GeneratedRegex(@"\b(?:starts?|starting|triggers?|triggering|invokes?|invoking|runs?|running|targets?|kicks?\s+off|calls?)\s*\W*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StartLead();

    // The words before a code span that make it a reference to another resource rather than this one's name.
    [GeneratedRegex(@"\b(?:starts?|starting|triggers?|triggering|invokes?|invoking|calls?|consumes?|consumed|reads?|read|writes?|written|sends?|sent|publish(?:es)?|published|targets?|runs?|from|to|into|by|on|of|for|via|behind|fronts?|watch(?:es|ing)?|monitors?|subscribed|feeds?|uses?|polls?|processes)\s*\W*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceLead();

    [GeneratedRegex(@"dead[- ]letter|\bdlq\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeadLetterWords();

    [GeneratedRegex(@"^\W*(?:sqs\s+)?(?:dead[- ]letter\s+queue|dlq)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeadLetterLead();
}
