using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.CloudWatch;

/// <summary>
/// A CloudWatch alarm on a metric of the resource it watches (named in its text, else inferred and reported), notifying
/// an SNS topic. Understands the threshold and its comparison ("more than 5", "≥ 1", "below 10"), the period ("in 5
/// minutes"), the number of evaluation periods and datapoints ("for 3 consecutive periods", "2 of 3 datapoints") and the
/// statistic (p99, average, maximum, sum).
/// </summary>
/// <remarks>Attributes: <c>Threshold</c> (OPERATOR:number, operator one of GT, GTE, LT, LTE), <c>Period</c> (seconds),
/// <c>EvaluationPeriods</c>, <c>DatapointsToAlarm</c>, <c>Statistic</c>, <c>Metric</c> (the words naming the metric:
/// "errors", "latency", "depth"; the watched resource's kind turns them into one of its metrics).</remarks>
internal sealed partial class AlarmKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.CloudWatchAlarm];

    public override string Suffix => "Alarm";

    public override string Title => "CloudWatch alarm";

    public override BuildPhase Phase => BuildPhase.Alarm;

    public override IReadOnlyList<string> KindWords { get; } =
        ["alarm", "alarms", "alert", "alerts", "notify", "notifies", "pages", "page", "on-call", "oncall", "watches", "on", "when", "if", "metric"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("DatapointsToAlarm", DatapointsWords(), m => Whole(m, "m")),
        new("EvaluationPeriods", DatapointsWords(), m => Whole(m), Shares: true),
        new("EvaluationPeriods", EvaluationWords(), m => Whole(m)),
        new("Threshold", ThresholdWords(), m => $"{Operator(m["op"])}:{m["n"]}"),
        new("Threshold", AnyWords(), _ => "GTE:1"),
        new("Period", PeriodWords(), m => m.Has("n") ? Seconds(m) : m["per"].ToLowerInvariant() == "hour" ? "3600" : m["per"].ToLowerInvariant() == "day" ? "86400" : "60"),
        new("Statistic", StatisticWords(), m => Statistic(m.Value)),
        new("Metric", MetricWords(), m => m.Value.ToLowerInvariant(), Many: true),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        if (node.AlarmSource is not { } source || KindCatalog.For(source.Kind)?.Metric(source, stack.WordsOf(node)) is not { } metric)
        {
            return;
        }
        var options = Cs.New("CloudWatch::MetricOptions");
        var period = node.Attribute("Period") is { } p ? ValidPeriod(stack, node, p) : 300;
        options = options.With("Period", Cs.Duration("Seconds", period));
        if (node.Attribute("Statistic") is { } statistic)
        {
            options = options.With("Statistic", Cs.String(statistic.Value));
        }
        var metricCode = metric.Custom is { } custom
            ? Cs.New("CloudWatch::Metric", custom
                .With("Period", Cs.Duration("Seconds", period))
                .With("Statistic", node.Attribute("Statistic") is { } s ? Cs.String(s.Value) : null, when: node.Attribute("Statistic") is not null))
            : Cs.Call(metric.On + "." + metric.Method, options);

        var threshold = node.Attribute("Threshold")?.Value ?? "GTE:1";
        var colon = threshold.IndexOf(':', StringComparison.Ordinal);
        var comparison = threshold[..colon] switch
        {
            "GT" => "GREATER_THAN_THRESHOLD",
            "LT" => "LESS_THAN_THRESHOLD",
            "LTE" => "LESS_THAN_OR_EQUAL_TO_THRESHOLD",
            _ => "GREATER_THAN_OR_EQUAL_TO_THRESHOLD",
        };
        var evaluation = node.Attribute("EvaluationPeriods") is { } e ? Math.Max(1, Long(e.Value)) : 1;
        var datapoints = node.Attribute("DatapointsToAlarm") is { } d ? Math.Clamp(Long(d.Value), 1, evaluation) : (long?)null;
        if (node.Attribute("Threshold") is null)
        {
            stack.Note($"Alarm {node.Name}: the plan states no threshold; it fires at 1 or more {metric.Phrase} in a period.");
        }
        var props = Cs.New("CloudWatch::AlarmProps")
            .With("Metric", metricCode)
            .With("Threshold", Cs.Number(double.Parse(threshold[(colon + 1)..], CultureInfo.InvariantCulture)))
            .With("EvaluationPeriods", Cs.Number(evaluation))
            .With("DatapointsToAlarm", datapoints is { } dp ? Cs.Number(dp) : null, when: datapoints is not null)
            .With("ComparisonOperator", Cs.Name("CloudWatch::ComparisonOperator." + comparison))
            .With("TreatMissingData", Cs.Name("CloudWatch::TreatMissingData.NOT_BREACHING"));
        var statements = new List<Cs>();
        if (node.AlarmTopic is { } topic)
        {
            statements.Add(Cs.Call(node.Member + ".AddAlarmAction", Cs.New("AlarmActions::SnsAction", Cs.Name(topic.Member))));
        }
        stack.Add(node, node.Member, "CloudWatch::Alarm", Cs.New("CloudWatch::Alarm", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props), statements,
            comments: [$"Watches {metric.Phrase} of {source.Name}"]);
    }

    // CloudWatch takes periods of 10, 20 or 30 seconds, or whole minutes.
    private static long ValidPeriod(IStackContext stack, Node node, ResourceAttribute period)
    {
        var seconds = Long(period.Value);
        var valid = seconds is 10 or 20 or 30 || (seconds >= 60 && seconds % 60 == 0);
        if (valid)
        {
            return seconds;
        }
        var used = seconds < 60 ? (seconds <= 10 ? 10 : seconds <= 20 ? 20 : 30) : (seconds + 59) / 60 * 60;
        stack.Report(DiagnosticCatalog.GenerationValueAdjusted, period.Location, "Period", node.Name, $"{seconds} s", $"{used} s", "10, 20, 30 s or a whole number of minutes");
        return used;
    }

    private static string Operator(string words) => words.ToLowerInvariant().Trim() switch
    {
        ">=" or "≥" or "at least" or "=>" => "GTE",
        "<=" or "≤" or "at most" or "=<" => "LTE",
        var w when w.StartsWith('<') || w.Contains("below", StringComparison.Ordinal) || w.Contains("under", StringComparison.Ordinal)
            || w.Contains("less", StringComparison.Ordinal) || w.Contains("fewer", StringComparison.Ordinal) || w.Contains("drop", StringComparison.Ordinal) => "LT",
        _ => "GT",
    };

    private static string Statistic(string words) => words.ToLowerInvariant() switch
    {
        var w when w.StartsWith('p') && w.Length > 1 && char.IsAsciiDigit(w[1]) => w,
        var w when w.StartsWith("av", StringComparison.Ordinal) || w == "mean" => "Average",
        var w when w.StartsWith("max", StringComparison.Ordinal) => "Maximum",
        var w when w.StartsWith("min", StringComparison.Ordinal) => "Minimum",
        var w when w.StartsWith("sum", StringComparison.Ordinal) || w == "total" => "Sum",
        _ => "SampleCount",
    };

    [GeneratedRegex(@"(?<op>>=|≥|=>|>|<=|≤|=<|<|\bat\s+least|\bat\s+most|\babove|\bover|\bmore\s+than|\bgreater\s+than|\bexceeds?|\bexceeding|\bbelow|\bunder|\bless\s+than|\bfewer\s+than|\bdrops?\s+below|\bfalls?\s+below)\s*(?<n>\d+(?:\.\d+)?)(?!\s*(?:consecutive|periods?|datapoints?|of\s+\d|minutes?|mins?|hours?|seconds?|s\b|h\b|days?))", RegexOptions.IgnoreCase)]
    private static partial Regex ThresholdWords();

    [GeneratedRegex(@"\b(?:on\s+|for\s+|when\s+|if\s+)?(?:any|a\s+single|one\s+or\s+more)\s+(?:errors?|failures?|messages?|failed\s+\w+|5xx)\b|\b(?:is\s+)?not\s+empty\b|\bnon-?empty\b|\bnon-?zero\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyWords();

    [GeneratedRegex(@"\b(?:in|over|within|during|per|each|every|for)\s+(?:a\s+|an\s+|the\s+(?:last\s+)?)?" + PhraseValues.Duration + @"(?:\s+(?:period|window))?|\bperiod\s*(?:of|[:=])?\s*" + PhraseValues.Duration + @"|\b(?:per|in\s+(?:a|an|one)|over\s+(?:a|an|one)|within\s+(?:a|an|one)|each|every)\s+(?<per>minute|hour|day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodWords();

    [GeneratedRegex(@"(?:\bfor\s+)?" + PhraseValues.Count + @"\s+(?:consecutive\s+)?(?:evaluation\s+)?(?:periods|datapoints|data\s+points|times\s+in\s+a\s+row|checks)\b|\bevaluation\s+periods?\s*(?:of|[:=])?\s*(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex EvaluationWords();

    [GeneratedRegex(@"\b(?<m>\d+)\s+(?:of|out\s+of)\s+(?<n>\d+)\s+(?:evaluation\s+)?(?:periods|datapoints|data\s+points|minutes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatapointsWords();

    // The words that choose which of the watched resource's metrics (its kind decides what each means).
    [GeneratedRegex(@"\b(?:errors?|failures?|failed(?:\s+(?:executions|invocations|notifications))?|throttl\w*|duration|latency|slow|5xx|4xx|server\s+errors?|client\s+errors?|cpu(?:\s+utili[sz]ation)?|memory(?:\s+utili[sz]ation)?|connections?|free\s+storage|storage|depth|backlog|visible\s+messages|messages|age\s+of\s+(?:the\s+)?oldest\s+message|oldest\s+message|timeouts?|timed[- ]out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MetricWords();

    [GeneratedRegex(@"\bp\d{2}(?:\.\d+)?\b|\baverage\b|\bavg\b|\bmaximum\b|\bmax\b|\bminimum\b|\bsum\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatisticWords();
}
