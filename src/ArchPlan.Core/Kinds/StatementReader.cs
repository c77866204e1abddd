using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Kinds;

/// <summary>
/// Reads what a plan states about each resource, phrase by phrase: the phrases its kind understands become
/// <see cref="PlannedResource.Attributes"/>, and the rest of its words — once kind words, the plan's resource names,
/// relationship verbs and filler are set aside — become <see cref="PlannedResource.NotGenerated"/>, so that nothing a
/// plan states is dropped without the user seeing it.
/// </summary>
internal static partial class StatementReader
{
    /// <summary>Fills in attributes and not-generated phrases; keeps the typed settings (runtime, memory, ...) in step with them.</summary>
    /// <param name="resources">The plan's resources in plan order.</param>
    /// <param name="source">The plan's text, to point each phrase at its line.</param>
    /// <param name="secretNames">The plan's secrets: a resource's words that name one state a relationship, not a setting.</param>
    /// <param name="flows">Steps of the Architecture section each resource is the subject of, by resource name: their
    /// settings are read too (never reported as not generated: they describe, the resource's entry states).</param>
    public static List<PlannedResource> Read(IReadOnlyList<PlannedResource> resources, SourceText source,
        IReadOnlyList<string>? secretNames = null, IReadOnlyDictionary<string, List<PlanPhrase>>? flows = null)
    {
        var secrets = secretNames ?? [];
        var steps = flows ?? new Dictionary<string, List<PlanPhrase>>();
        var names = resources.Select(r => r.Name).Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).ToList();
        var nameIndex = new NameIndex(names);
        var result = new List<PlannedResource>(resources.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            var limit = i + 1 < resources.Count && resources[i + 1].Location.Start > resources[i].Location.Start
                ? resources[i + 1].Location.Start
                : Math.Min(source.Text.Length, resources[i].Location.Start + 4000);
            result.Add(ReadOne(resources[i], source, limit, names, nameIndex, secrets, steps.GetValueOrDefault(resources[i].Name) ?? []));
        }
        return result;
    }

    private static PlannedResource ReadOne(PlannedResource resource, SourceText source, int limit, List<string> names, NameIndex nameIndex,
        IReadOnlyList<string> secrets, List<PlanPhrase> flows)
    {
        var text = resource.Text;
        var claimed = new bool[text.Length];
        var attributes = new List<ResourceAttribute>();
        var locator = new Locator(source, resource.Location, limit);

        void Claim(int start, int length)
        {
            for (var k = start; k < start + length && k < claimed.Length; k++)
            {
                claimed[k] = true;
            }
        }
        bool Overlaps(Match m)
        {
            for (var k = m.Index; k < m.Index + m.Length; k++)
            {
                if (claimed[k])
                {
                    return true;
                }
            }
            return false;
        }

        // Words inside a resource's name ("charge-errors", "nightly-cleanup") state nothing about it.
        var inName = new bool[text.Length];
        foreach (var candidate in nameIndex.Candidates(text))
        {
            foreach (var at in TextSearch.WholeName(text, names[candidate]))
            {
                Array.Fill(inName, true, at, names[candidate].Length);
            }
        }
        bool InsideName(Match m)
        {
            for (var k = m.Index; k < m.Index + m.Length; k++)
            {
                if (!inName[k])
                {
                    return false;
                }
            }
            return true;
        }

        var module = KindCatalog.For(resource.Kind);
        foreach (var phrase in module?.Phrases ?? [])
        {
            foreach (Match match in phrase.Pattern.Matches(text))
            {
                if (match.Length == 0 || (!phrase.Shares && Overlaps(match)) || InsideName(match))
                {
                    continue;
                }
                var value = phrase.Value(new PhraseMatch(match, text));
                if (value is null)
                {
                    continue;
                }
                var words = match.Value.Trim();
                var existing = attributes.FirstOrDefault(a => a.Property == phrase.Property);
                if (existing is not null && !phrase.Many)
                {
                    // The same setting stated twice: read once; a different value stays visible as not generated.
                    if (existing.Value == value)
                    {
                        Claim(match.Index, match.Length);
                    }
                    continue;
                }
                Claim(match.Index, match.Length);
                attributes.Add(new ResourceAttribute(phrase.Property, value, words, locator.Find(words)));
            }
        }

        // Settings stated in the Architecture section's steps about this resource ("routes `GET /x` to `get-x`").
        foreach (var phrase in module?.Phrases ?? [])
        {
            foreach (var flow in flows)
            {
                foreach (Match match in phrase.Pattern.Matches(flow.Text))
                {
                    if (match.Length == 0 || phrase.Value(new PhraseMatch(match, flow.Text)) is not { } value
                        || (!phrase.Many && attributes.Any(a => a.Property == phrase.Property))
                        || attributes.Any(a => a.Property == phrase.Property && a.Value == value))
                    {
                        continue;
                    }
                    attributes.Add(new ResourceAttribute(phrase.Property, value, match.Value.Trim(), flow.Location));
                }
            }
        }

        var external = false;
        foreach (Match match in ExternalWords().Matches(text))
        {
            Claim(match.Index, match.Length);
            external = true;
        }
        if (resource.Schedule is { } schedule)
        {
            var at = text.IndexOf(schedule.Text, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                Claim(at, schedule.Text.Length);
            }
            attributes.Add(new ResourceAttribute("Schedule", schedule.Expression, schedule.Text, locator.Find(schedule.Text)));
        }

        // Words that name things rather than state settings.
        foreach (var candidate in nameIndex.Candidates(text))
        {
            foreach (var at in TextSearch.WholeName(text, names[candidate]))
            {
                Claim(at, names[candidate].Length);
            }
        }
        // A secret named in the entry states a relationship ("reads the card token from `acme/card-vault`"): its clause
        // is accounted for by the secret's wiring.
        foreach (var secret in secrets)
        {
            foreach (var at in TextSearch.WholeName(text, secret))
            {
                var clause = ClauseAround(text, at, secret.Length);
                Claim(clause.Start, clause.Length);
            }
        }
        foreach (var word in module?.KindWords ?? [])
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length])))
                {
                    Claim(at, word.Length);
                }
            }
        }
        foreach (var pattern in (Regex[])[KindNouns(), RelationshipWords(), Filler()])
        {
            foreach (Match match in pattern.Matches(text))
            {
                Claim(match.Index, match.Length);
            }
        }

        var notGenerated = new List<PlanPhrase>();
        foreach (Match segment in Segments().Matches(text))
        {
            var content = 0;
            foreach (Match token in Tokens().Matches(segment.Value))
            {
                var start = segment.Index + token.Index;
                var free = true;
                for (var k = start; k < start + token.Length; k++)
                {
                    free &= !claimed[k];
                }
                if (free && (token.Length > 2 || token.Value.Any(char.IsAsciiDigit)))
                {
                    content++;
                }
            }
            if (content > 0)
            {
                var words = segment.Value.Trim().Trim('.', ',', ';', ':', '-', '—', '–', '(', ')', '[', ']').Trim();
                if (words.Length > 0)
                {
                    notGenerated.Add(new PlanPhrase(words, locator.Find(words)));
                }
            }
        }

        return Sync(resource with
        {
            Attributes = attributes.ToEquatableArray(),
            NotGenerated = notGenerated.ToEquatableArray(),
            External = resource.External || external,
        });
    }

    /// <summary>The segment (see <see cref="Segments"/>) holding the words at <paramref name="at"/>.</summary>
    private static (int Start, int Length) ClauseAround(string text, int at, int length)
    {
        foreach (Match segment in Segments().Matches(text))
        {
            if (segment.Index <= at && segment.Index + segment.Length >= at + length)
            {
                return (segment.Index, segment.Length);
            }
        }
        return (at, length);
    }

    /// <summary>The typed settings other stages read (validation limits, the Lambda runtime) follow the attributes.</summary>
    private static PlannedResource Sync(PlannedResource resource)
    {
        string? Get(string property) => resource.Attributes.FirstOrDefault(a => a.Property == property)?.Value;
        int? Int(string property) => Get(property) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var runtime = Get("Runtime");
        return resource with
        {
            Runtime = resource.Kind == ResourceKind.LambdaFunction && runtime is not null && runtime.Any(char.IsAsciiDigit) ? runtime : resource.Runtime,
            MemoryMb = Int("Memory") ?? resource.MemoryMb,
            Cpu = Int("Cpu") ?? resource.Cpu,
            TimeoutSeconds = Int("Timeout") ?? resource.TimeoutSeconds,
            Image = Get("Image") ?? resource.Image,
        };
    }

    /// <summary>Finds the line of a phrase inside a resource's item (its nested bullets may sit on later lines).</summary>
    private sealed class Locator(SourceText source, SourceLocation item, int limit)
    {
        public SourceLocation Find(string words)
        {
            if (item.File is null || !item.HasPosition)
            {
                return item;
            }
            var probe = Tokens().Matches(words).Select(m => m.Value).FirstOrDefault(t => t.Length > 1);
            if (probe is null)
            {
                return item;
            }
            var start = Math.Clamp(item.Start, 0, source.Text.Length);
            var end = Math.Clamp(Math.Max(limit, start), start, source.Text.Length);
            var at = source.Text.IndexOf(probe, start, end - start, StringComparison.OrdinalIgnoreCase);
            return at < 0 ? item : source.At(at, Math.Min(words.Length, end - at));
        }
    }

    // Stated on any kind: the resource exists already and is referenced, not created.
    [GeneratedRegex(@"\b(?:pre-?existing|existing|already\s+exists?|already\s+(?:created|provisioned|deployed)|imported|(?:is\s+)?not\s+(?:created|managed)\s+(?:here|by\s+this\s+stack)|managed\s+(?:elsewhere|outside\s+this\s+stack|by\s+(?:another|the\s+platform)\s+(?:team|stack))|owned\s+by\s+(?:another|the\s+platform)\s+(?:team|stack)|shared\s+(?:from|with)\s+(?:another|the\s+platform)\s+(?:stack|team|account))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalWords();

    [GeneratedRegex(@"\b(?:aws|amazon|lambda|functions?|s3|buckets?|dynamo\s*db|dynamo|tables?|sqs|queues?|sns|topics?|event\s*bridge|cloudwatch|events?|rules?|api\s*gateway|rest\s+api|http\s+api|apis?|alarms?|rds|aurora|postgres(?:ql)?|mysql|mariadb|step\s+functions?|state\s+machines?|ecs|fargate|services?|tasks?|ecr|repository|repo|vpc|iam|roles?|kms|keys?|secrets?\s+manager|secrets?|log\s+groups?|dashboards?|cluster|instance|database|db|dlq|dead[- ]letter\s+queue)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindNouns();

    [GeneratedRegex(@"\b(?:triggered|invoked|started|run|launched|kicked\s+off|executed|consumed|processed|handled|polled|read|written|fronted|driven|fed|called|used|served)\s+by\b|\b(?:triggers?|invokes?|starts?|runs?|launch(?:es)?|kicks?\s+off|executes?|consumes?|process(?:es)?|handles?|polls?|reads?|writes?|sends?|publish(?:es)?|puts?|stores?|fronts?|behind|in\s+front\s+of|subscribed|subscribes?|fans?\s+out|feeds?|delivers?|notif(?:y|ies)|uses?|calls?|queries|query|updates?|loads?|saves?|emits?|receives?|pulls?|pushes|push|routes?)\b(?:\s+(?:from|to|into|on|onto|in|messages?|events?|items?|objects?|data|records?|rows?))?", RegexOptions.IgnoreCase)]
    private static partial Regex RelationshipWords();

    [GeneratedRegex(@"\b(?:a|an|the|of|for|to|in|on|at|by|with|and|or|from|into|via|per|is|are|be|been|that|which|who|this|it|its|their|our|we|as|each|all|any|both|one|new|same|plus|also|only|main|primary|own|named|called|see|below|above|e\.g|i\.e|etc|default|defaults|standard)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    // A phrase runs to the next separator: dash, semicolon, comma, sentence end, parenthesis, spaced slash, bar or bullet
    // (a slash inside a word, as in a secret's name, is part of the word).
    [GeneratedRegex(@"(?:[^—–;,()|·/\[\]]|/(?!\s)(?<!\s/))+?(?=\s+-\s+|\s/\s|[—–;,()|·\[\]]|\.(?:\s|$)|:\s|$)", RegexOptions.Singleline)]
    private static partial Regex Segments();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_.'-]*")]
    private static partial Regex Tokens();
}
