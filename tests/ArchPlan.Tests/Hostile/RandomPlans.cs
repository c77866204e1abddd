using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;
using CsCheck;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// Random plans shaped like the ones the reader produces from real plans: every resource kind with the attributes
/// the reader extracts (runtime, sizes, image, schedule, dead-letter queue, links naming other resources),
/// variables with literal / resource / secret values, scopes, per-environment values and requirements, secrets with
/// JSON fields, and environments. Names and text are hostile (<see cref="HostileText"/>). One plan in five is read by
/// the real <see cref="PlanReader"/> from random Markdown of <see cref="ReaderPropertyTests.Plan"/>'s grammar.
/// The product is left unset: the test gives each plan of a batch its own.
/// </summary>
internal static partial class RandomPlans
{
    private const string File = "docs/plans/random.md";

    private static readonly ResourceKind[] Kinds =
    [
        ResourceKind.LambdaFunction, ResourceKind.LambdaFunction, ResourceKind.FargateService, ResourceKind.FargateTask, ResourceKind.S3Bucket,
        ResourceKind.DynamoDbTable, ResourceKind.SqsQueue, ResourceKind.SnsTopic, ResourceKind.EventBridgeRule, ResourceKind.RestApi,
        ResourceKind.HttpApi, ResourceKind.CloudWatchAlarm, ResourceKind.RdsInstance, ResourceKind.AuroraCluster, ResourceKind.StateMachine,
        ResourceKind.EcrRepository, ResourceKind.Vpc, ResourceKind.Unknown,
    ];

    private static readonly string[] Runtimes =
        ["python3.12", "nodejs20.x", "ruby3.3", "java21", "dotnet8", "go1.x", "provided.al2023", " Python3.11 ", "python3.12\u2028", "nodejs22.x"];

    private static readonly string[] Images =
        ["gamehub/matchmaker:1.4", "payments-worker", "public.ecr.aws/docker/library/nginx:1.27", "registry.example.com:5000/team/app", "UPPER/Case"];

    private static readonly string[] Schedules = ["rate(5 minutes)", "cron(0 10 * * ? *)", "rate(1 hour)"];

    private static readonly string[] Environments = ["dev", "staging", "prod"];

    private static Gen<string?> OrNull(Gen<string> gen, int nullWeight = 1) =>
        Gen.Frequency((nullWeight, (IGen<string?>)Gen.Const((string?)null)), (2, gen.Select(s => (string?)s)));

    private static readonly Gen<string?> Runtime = OrNull(Gen.OneOf<string>(HostileText.Pick(Runtimes), HostileText.Value));

    private static readonly Gen<string?> Image = OrNull(Gen.OneOf<string>(HostileText.Pick(Images), HostileText.Value));

    private static readonly Gen<Schedule?> ScheduleGen = Gen.Frequency(
        (2, (IGen<Schedule?>)Gen.Const((Schedule?)null)),
        (1, Gen.Select(Gen.OneOf<string>(HostileText.Pick(Schedules), HostileText.Value), HostileText.Value, (e, t) => (Schedule?)new Schedule(e, t))));

    private static readonly Gen<int?> Size = Gen.Frequency((2, (IGen<int?>)Gen.Const((int?)null)), (1, Gen.OneOf<int>(Gen.Int[-5, 20000], HostileText.Pick<int>([256, 512, 1024, 2048])).Select(i => (int?)i)));

    // A link names another resource by index (as written, upper-cased or squashed) or names something absent.
    private static readonly Gen<(LinkKind Kind, int Target, int Spelling, string Other)> Link =
        Gen.Select(Gen.Enum<LinkKind>(), Gen.Int[0, 9], Gen.Int[0, 3], HostileText.Name, (k, t, s, o) => (k, t, s, o));

    private sealed record RawResource(ResourceKind Kind, string Name, string Text, string? Runtime, int? Memory, int? Cpu, int? Timeout,
        Schedule? Schedule, bool DeadLetterQueue, string? Image, (LinkKind Kind, int Target, int Spelling, string Other)[] Links);

    private static readonly Gen<RawResource> Resource =
        Gen.Select(HostileText.Pick(Kinds), HostileText.Name, HostileText.Value,
            Runtime, Size, Size, Size, ScheduleGen,
            Gen.Bool, Image, Link.Array[0, 2],
            (kind, name, text, runtime, memory, cpu, timeout, schedule, dlq, image, links) =>
                new RawResource(kind, name, text, runtime, memory, cpu, timeout, schedule, dlq, image, links));

    private sealed record RawValue(int Kind, string Text, int Reference, string Other, string? Field);

    // 0 none, 1 literal, 2 from a resource (by a resource's name or free words), 3 from a secret (a planned one, an unknown one, or none named).
    private static readonly Gen<RawValue> Value =
        Gen.Select(Gen.Int[0, 3], HostileText.Value, Gen.Int[-1, 9], HostileText.Name, OrNull(HostileText.Name, 2),
            (kind, text, reference, other, field) => new RawValue(kind, text, reference, other, field));

    private sealed record RawVariable(string Name, string Description, RawValue Value, int Required, (int Kind, string Text)[] Scope,
        (int Environment, RawValue Value)[] PerEnvironment);

    private static readonly Gen<string> VariableName = Gen.Frequency(
        (3, (IGen<string>)HostileText.Name),
        (2, HostileText.Pick<string>(["DB_HOST", "PAYMENTS_TABLE", "QUEUE_URL", "TOPIC_ARN", "API_TOKEN", "LOG_LEVEL", "environment", "DB_PASSWORD", "TZ", "AWS_REGION", "BUCKET_NAME"])));

    private static readonly Gen<RawVariable> Variable =
        Gen.Select(VariableName, HostileText.Value, Value, Gen.Int[0, 3],
            Gen.Select(Gen.Int[0, 2], HostileText.Name, (k, t) => (k, t)).Array[0, 2],
            Gen.Select(Gen.Int[0, 4], Value, (e, v) => (e, v)).Array[0, 2],
            (name, description, value, required, scope, perEnvironment) => new RawVariable(name, description, value, required, scope, perEnvironment));

    private static readonly Gen<(string Name, string Description, string? Format, string[] Fields)> Secret =
        Gen.Select(Gen.OneOf<string>(HostileText.Name, HostileText.Pick<string>(["app/db/credentials", "app/stripe-api-key", "prod/db", "prod--db"])), HostileText.Value,
            OrNull(HostileText.Value), HostileText.Name.Array[0, 3], (n, d, f, j) => (n, d, f, j));

    private static readonly Gen<Plan> Modelled =
        Gen.Select(Resource.Array[0, 8], Variable.Array[0, 6], Secret.Array[0, 3], Gen.Int[0, 3], OrNull(HostileText.Value), OrNull(HostileText.Value, 3),
            Gen.Bool, Build);

    private static readonly Gen<Plan> Read = ReaderPropertyTests.Plan.Select(text =>
    {
        var plan = PlanReader.Parse(text, File).Value ?? throw new InvalidOperationException("the reader returned no plan");
        return plan with { FilePath = File };
    });

    /// <summary>Plans as the reader would produce them; Product is null.</summary>
    public static readonly Gen<Plan> Plans = Gen.Frequency((4, (IGen<Plan>)Modelled), (1, Read));

    private static Plan Build(RawResource[] raw, RawVariable[] rawVariables, (string Name, string Description, string? Format, string[] Fields)[] rawSecrets,
        int environmentCount, string? title, string? stackFile, bool hostileFile)
    {
        var line = 5;
        var file = hostileFile ? "docs/plans/" + title + ".md" : File;
        SourceLocation Next() => new(file, line++, 1);
        string NameOf(int index, int spelling, string other)
        {
            if (raw.Length == 0 || index >= raw.Length)
            {
                return other;
            }
            var name = raw[index].Name;
            return spelling switch
            {
                1 => name.ToUpperInvariant(),
                2 => name.Replace("-", "_", StringComparison.Ordinal),
                3 => name + ".py",
                _ => name,
            };
        }

        var environments = Environments.Take(environmentCount).ToList();
        var resources = raw.Select(r => new PlannedResource
        {
            Kind = r.Kind,
            Name = r.Name,
            Text = r.Text,
            Location = Next(),
            Runtime = r.Kind == ResourceKind.LambdaFunction ? r.Runtime : null,
            MemoryMb = r.Memory,
            Cpu = r.Kind is ResourceKind.FargateService or ResourceKind.FargateTask ? r.Cpu : null,
            TimeoutSeconds = r.Timeout,
            Schedule = r.Schedule,
            DeadLetterQueue = r.DeadLetterQueue,
            Image = r.Kind is ResourceKind.FargateService or ResourceKind.FargateTask ? r.Image : null,
            Links = r.Links.Select(l => new ResourceLink(l.Kind, NameOf(l.Target, l.Spelling, l.Other))).ToEquatableArray(),
        }).ToEquatableArray();

        var secrets = rawSecrets.Select(s => new PlannedSecret
        {
            Name = s.Name,
            Description = s.Description,
            Format = s.Format,
            JsonFields = s.Fields.ToEquatableArray(),
            Location = Next(),
        }).ToEquatableArray();

        ValueSpec ValueOf(RawValue v) => v.Kind switch
        {
            1 => ValueSpec.Literal(v.Text),
            2 => new ValueSpec(ValueKind.FromResource, v.Text, Resource: v.Reference >= 0 ? NameOf(v.Reference, 0, v.Other) : v.Other),
            3 => new ValueSpec(ValueKind.FromSecret, v.Text,
                Secret: v.Reference < 0 ? null : secrets.Count > 0 && v.Reference < 6 ? secrets[v.Reference % secrets.Count].Name : v.Other,
                SecretField: v.Field),
            _ => ValueSpec.None,
        };

        var variables = rawVariables.Select(v =>
        {
            var location = Next();
            return new EnvVariable
            {
                Name = v.Name,
                Description = v.Description,
                Value = ValueOf(v.Value),
                Required = (Requirement)v.Required,
                RequiredText = v.Required == 1 ? "Yes" : v.Required == 2 ? "No" : null,
                Scope = v.Scope.Select(s => s.Kind switch { 0 => NameOf(s.Text.Length % 10, s.Text.Length % 4, s.Text), 1 => "all", _ => s.Text }).ToEquatableArray(),
                PerEnvironment = v.PerEnvironment
                    .Select(p => new EnvironmentValue(p.Environment < environments.Count ? environments[p.Environment] : p.Value.Other,
                        ValueOf(p.Value), location))
                    .ToEquatableArray(),
                Location = location,
                ValueLocation = new SourceLocation(file, location.Line, 20),
            };
        }).ToEquatableArray();

        return new Plan
        {
            FilePath = file,
            FrontMatter = new FrontMatter
            {
                IsPresent = true,
                Location = new SourceLocation(file, 1, 1),
                Fields = title is null ? EquatableArray<FrontMatterField>.Empty : new[] { new FrontMatterField("title", title, new SourceLocation(file, 2, 1)) }.ToEquatableArray(),
            },
            ProductOrigin = ProductOrigin.FrontMatter,
            // The stack file is a path: a backslash in it is a separator, which the twin would not keep.
            StackFileName = stackFile is null ? null : "infra/" + stackFile.Replace('\\', '|') + "-stack.ts",
            Resources = resources,
            Variables = variables,
            Secrets = secrets,
            Environments = environments.ToEquatableArray(),
        };
    }

    /// <summary>
    /// The plan with every string replaced by its <see cref="HostileText.Twin"/>: the same resources, links,
    /// variables, secrets and environments, named by the same words, with only benign characters.
    /// </summary>
    public static Plan Twin(Plan plan)
    {
        static string T(string s) => HostileText.Twin(s);
        static string? N(string? s) => s is null ? null : HostileText.Twin(s);
        static ValueSpec V(ValueSpec v) => v with { Text = N(v.Text), Resource = N(v.Resource), Secret = N(v.Secret), SecretField = N(v.SecretField) };
        SourceLocation L(SourceLocation l) => l with { File = N(l.File)! };
        return plan with
        {
            FilePath = T(plan.FilePath),
            FrontMatter = plan.FrontMatter with
            {
                Fields = plan.FrontMatter.Fields.Select(f => f with { Value = N(f.Value), Location = L(f.Location) }).ToEquatableArray(),
            },
            Product = N(plan.Product),
            StackFileName = N(plan.StackFileName),
            Resources = plan.Resources.Select(r => r with
            {
                Name = T(r.Name),
                Text = T(r.Text),
                Location = L(r.Location),
                Runtime = N(r.Runtime),
                Image = N(r.Image),
                Schedule = r.Schedule is null ? null : new Schedule(T(r.Schedule.Expression), T(r.Schedule.Text)),
                Links = r.Links.Select(l => l with { Target = T(l.Target) }).ToEquatableArray(),
            }).ToEquatableArray(),
            Variables = plan.Variables.Select(v => v with
            {
                Name = T(v.Name),
                Description = T(v.Description),
                Value = V(v.Value),
                PerEnvironment = v.PerEnvironment.Select(p => p with { Environment = T(p.Environment), Value = V(p.Value), Location = L(p.Location) }).ToEquatableArray(),
                RequiredText = N(v.RequiredText),
                Scope = v.Scope.Select(T).ToEquatableArray(),
                Type = N(v.Type),
                Location = L(v.Location),
                ValueLocation = v.ValueLocation.File is null ? v.ValueLocation : L(v.ValueLocation),
            }).ToEquatableArray(),
            Secrets = plan.Secrets.Select(s => s with
            {
                Name = T(s.Name),
                Description = T(s.Description),
                Format = N(s.Format),
                JsonFields = s.JsonFields.Select(T).ToEquatableArray(),
                Environment = N(s.Environment),
                Scope = s.Scope.Select(T).ToEquatableArray(),
                Location = L(s.Location),
            }).ToEquatableArray(),
            Environments = plan.Environments.Select(T).ToEquatableArray(),
        };
    }
}

/// <summary>
/// Random plans written as Markdown, the way people write them from the template: front matter, an AWS Resources list
/// (bulleted or numbered; bold kinds, bold or code-span names; each kind's attribute phrases such as "partition key
/// `id` (string)", "visibility timeout 2 min", "after 5 receives", "versioned", "Python 3.12, 512 MB, 30 s timeout",
/// routes "POST /orders → `create-order`", alarms "more than 5 errors in 5 minutes", schedules "daily at 02:30 UTC"),
/// and configuration tables in the template's layout and its variants (column names and order, Used by columns, one
/// column per environment, secrets before variables, values from resources, secrets, literals, external resources,
/// required values left to deploy time). Benign text only: these plans are meant to be valid; the round trip keeps
/// the ones check accepts. Deterministic for a given <see cref="PCG"/> state.
/// </summary>
internal static partial class RandomPlans
{
    private static readonly string[] ProductWords =
        ["ledger", "catalog", "loyalty", "fleet", "billing", "inventory", "tickets", "search", "shipping", "reviews", "rewards", "invoices", "courier", "booking"];

    private static readonly string[] Stems =
    [
        "order", "invoice", "payment", "receipt", "customer", "parcel", "route", "driver", "rating", "voucher", "refund", "ledger",
        "report", "export", "import", "audit", "search", "index", "thumbnail", "upload", "email", "sms", "webhook", "session",
        "cart", "price", "stock", "supplier", "claim", "quote", "survey", "badge",
    ];

    private static readonly string[] ComputeRoles = ["api", "worker", "handler", "sync", "importer", "exporter", "notifier", "builder", "processor", "reconciler", "indexer", "sender"];

    /// <summary>Plans <paramref name="count"/> at most, each with its own product (<c>ledger-7</c>), drawn in order from <paramref name="pcg"/>.</summary>
    public static IEnumerable<(string Name, string Text)> WriteMarkdown(PCG pcg, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var dice = new Dice(pcg);
            var product = dice.Pick(ProductWords) + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return ($"random-{i:D3}.md", new MarkdownPlanWriter(dice, product).Write());
        }
    }

    /// <summary>Choices drawn from one <see cref="PCG"/>.</summary>
    private sealed class Dice(PCG pcg)
    {
        public int Next(int n) => n <= 1 ? 0 : (int)pcg.Next((uint)n);

        public bool Chance(int percent) => Next(100) < percent;

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        public List<T> Shuffle<T>(IEnumerable<T> items)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
            return list;
        }
    }

    private enum Shape
    {
        Lambda,
        Service,
        Task,
        Table,
        Queue,
        Bucket,
        Topic,
        Workflow,
        Database,
        Rule,
        Api,
        Alarm,
    }

    private sealed class Item(Shape shape, string name)
    {
        public Shape Shape { get; } = shape;

        public string Name { get; } = name;

        public List<string> Phrases { get; } = [];

        public bool IsCompute => Shape is Shape.Lambda or Shape.Service or Shape.Task;

        /// <summary>For a Lambda: the timeout it states (a queue it reads must keep messages invisible at least that long).</summary>
        public int TimeoutSeconds { get; set; } = 3;
    }

    private sealed record Row(string Name, string Description, string[] Values, bool Required, string[] UsedBy);

    private sealed record SecretRow(string Name, string Description, string Format, string[] Fields, string[] UsedBy);

    private sealed class MarkdownPlanWriter(Dice dice, string product)
    {
        private readonly HashSet<string> _usedStems = [];
        private readonly List<Item> _items = [];
        private readonly List<Row> _rows = [];
        private readonly List<SecretRow> _secrets = [];
        private readonly HashSet<string> _variableNames = [];
        private string[] _environments = [];

        // 0: **Kind** `name`; 1: Kind `name`; 2: **name** — Kind. With bold names, references to other resources are plain
        // words: the reader takes an item's first code span as its name.
        private readonly int _style = dice.Next(3);

        public string Write()
        {
            var computeCount = 1 + dice.Next(3);
            for (var i = 0; i < computeCount; i++)
            {
                var shape = dice.Next(10) switch { < 7 => Shape.Lambda, < 9 => Shape.Service, _ => Shape.Task };
                _items.Add(new Item(shape, Name(dice.Pick(ComputeRoles))));
            }
            foreach (var shape in dice.Shuffle(new[] { Shape.Table, Shape.Queue, Shape.Bucket, Shape.Topic, Shape.Workflow, Shape.Database }).Take(dice.Next(5)))
            {
                if (shape == Shape.Database && !dice.Chance(40))
                {
                    continue;
                }
                _items.Add(new Item(shape, shape switch
                {
                    Shape.Table => Name(dice.Pick(["records", "items", "entries", "state"])),
                    Shape.Queue => Name(dice.Pick(["events", "jobs", "requests", "tasks"])),
                    Shape.Bucket => Name(dice.Pick(["exports", "uploads", "archive", "documents"])),
                    Shape.Topic => Name(dice.Pick(["alerts", "notifications", "updates"])),
                    Shape.Workflow => Name(dice.Pick(["workflow", "fulfilment", "settlement"])),
                    _ => Name("db"),
                }));
            }
            var computes = _items.Where(i => i.IsCompute).ToList();
            foreach (var item in _items.ToList())
            {
                Describe(item, computes);
            }
            AddRulesApisAndAlarms(computes);
            AddConfiguration(computes);
            return Render();
        }

        /// <summary>A resource name made of a stem no other resource of the plan uses and a role.</summary>
        private string Name(string role)
        {
            var free = Stems.Where(s => !_usedStems.Contains(s)).ToList();
            var stem = dice.Pick(free);
            _usedStems.Add(stem);
            return dice.Chance(15) ? $"{stem}-{role}-v2" : $"{stem}-{role}";
        }

        private static string Code(string name) => "`" + name + "`";

        /// <summary>Another resource named in an item's text.</summary>
        private string Ref(string name) => _style == 2 ? name : Code(name);

        private void Describe(Item item, List<Item> computes)
        {
            var others = _items.Where(i => i != item).ToList();
            switch (item.Shape)
            {
                case Shape.Lambda:
                    item.Phrases.Add(dice.Pick(["Python 3.12", "Python 3.11", "Node.js 20", "Node.js 18", "python 3.12", "Node.js 20.x"]));
                    var memory = dice.Pick([128, 256, 512, 1024, 2048]);
                    item.TimeoutSeconds = dice.Pick([10, 15, 30, 60, 120, 300]);
                    if (dice.Chance(15))
                    {
                        item.Phrases.Add($"{memory} MB / {item.TimeoutSeconds} s");
                    }
                    else
                    {
                        if (dice.Chance(75))
                        {
                            item.Phrases.Add(dice.Chance(85) ? $"{memory} MB" : "1 GB memory");
                        }
                        if (dice.Chance(75))
                        {
                            item.Phrases.Add(Timeout(item.TimeoutSeconds));
                        }
                        else
                        {
                            item.TimeoutSeconds = 3;
                        }
                    }
                    if (dice.Chance(15))
                    {
                        item.Phrases.Add(dice.Pick(["arm64", "Graviton", "x86_64"]));
                    }
                    if (dice.Chance(15))
                    {
                        item.Phrases.Add("X-Ray tracing");
                    }
                    if (dice.Chance(10))
                    {
                        item.Phrases.Add($"reserved concurrency {dice.Pick([2, 5, 10])}");
                    }
                    if (dice.Chance(15))
                    {
                        item.Phrases.Add($"log retention {dice.Pick([7, 14, 30, 90])} days");
                    }
                    Uses(item, others);
                    break;
                case Shape.Service:
                case Shape.Task:
                    var (cpu, mem) = dice.Pick([(256, 512), (256, 1024), (512, 1024), (512, 2048), (1024, 2048), (1024, 4096)]);
                    item.Phrases.Add(dice.Chance(70) ? $"{cpu} CPU / {mem} MB" : $"{mem} MB, {cpu} CPU units");
                    if (dice.Chance(70))
                    {
                        item.Phrases.Add($"image from ECR repository {Code(product + "/" + item.Name)}");
                    }
                    if (item.Shape == Shape.Service && dice.Chance(60))
                    {
                        item.Phrases.Add($"{dice.Pick([1, 2, 3])} tasks");
                    }
                    if (item.Shape == Shape.Service && dice.Chance(20))
                    {
                        item.Phrases.Add("port 8080");
                    }
                    Uses(item, others);
                    break;
                case Shape.Table:
                    if (dice.Chance(85))
                    {
                        item.Phrases.Add($"partition key {Code(dice.Pick(["id", "pk", "orderId", "tenant_id"]))}{dice.Pick(["", " (string)", " (String)"])}");
                    }
                    if (dice.Chance(40))
                    {
                        item.Phrases.Add($"sort key {Code(dice.Pick(["createdAt", "sk", "version"]))}{dice.Pick(["", " (number)", " (string)"])}");
                    }
                    item.Phrases.Add(dice.Pick(["on-demand", "on-demand", "pay per request", "provisioned, 5 RCU, 5 WCU"]));
                    if (dice.Chance(40))
                    {
                        item.Phrases.Add("point-in-time recovery");
                    }
                    if (dice.Chance(25))
                    {
                        item.Phrases.Add($"TTL on {Code("expiresAt")}");
                    }
                    if (dice.Chance(15))
                    {
                        item.Phrases.Add("streams (new and old images)");
                    }
                    break;
                case Shape.Queue:
                    if (dice.Chance(70))
                    {
                        item.Phrases.Add(dice.Pick(["visibility timeout 2 min", "visibility timeout 30 s", "5 min visibility timeout", "visibility timeout of 10 minutes"]));
                    }
                    if (dice.Chance(60))
                    {
                        item.Phrases.Add(dice.Chance(70) ? $"dead-letter queue after {dice.Pick([3, 5, 10])} receives" : "with a DLQ");
                    }
                    if (dice.Chance(25))
                    {
                        item.Phrases.Add(dice.Pick(["retention 4 days", "14-day retention", "keeps messages for 7 days"]));
                    }
                    if (dice.Chance(15))
                    {
                        item.Phrases.Add("long polling 20 s");
                    }
                    break;
                case Shape.Bucket:
                    if (dice.Chance(50))
                    {
                        item.Phrases.Add("versioned");
                    }
                    if (dice.Chance(50))
                    {
                        item.Phrases.Add(dice.Pick(["SSE-KMS", "SSE-S3", "S3-managed encryption"]));
                    }
                    if (dice.Chance(40))
                    {
                        item.Phrases.Add(dice.Pick(["expire objects after 30 days", "400-day expiration", "objects deleted after 90 days"]));
                    }
                    if (dice.Chance(20))
                    {
                        item.Phrases.Add("transition to Glacier after 60 days");
                    }
                    break;
                case Shape.Topic:
                    if (dice.Chance(40))
                    {
                        item.Phrases.Add($"email subscription to {dice.Pick(["ops", "oncall", "team"])}@example.com");
                    }
                    break;
                case Shape.Workflow:
                    item.Phrases.Add(dice.Pick(["standard workflow", "express workflow", "standard workflow"]));
                    if (dice.Chance(30))
                    {
                        item.Phrases.Add("timeout 5 min");
                    }
                    var steps = computes.Where(c => c.Shape is Shape.Lambda or Shape.Task).Take(2).ToList();
                    if (steps.Count > 0 && dice.Chance(60))
                    {
                        item.Phrases.Add("runs " + string.Join(" then ", steps.Select(s => Ref(s.Name))));
                    }
                    break;
                case Shape.Database:
                    item.Phrases.Add(dice.Pick(["PostgreSQL 16", "PostgreSQL 15", "MySQL 8.0"]));
                    item.Phrases.Add(Code(dice.Pick(["db.t4g.micro", "db.t4g.small"])));
                    if (dice.Chance(40))
                    {
                        item.Phrases.Add("20 GB storage");
                    }
                    if (dice.Chance(30))
                    {
                        item.Phrases.Add("7-day backups");
                    }
                    break;
            }
        }

        private string Timeout(int seconds) => dice.Next(4) switch
        {
            0 => $"timeout {seconds} s",
            1 => $"{seconds} s timeout",
            2 when seconds % 60 == 0 => $"timeout {seconds / 60} min",
            _ => $"{seconds}-second timeout",
        };

        /// <summary>The relationships a compute states: the verbs grant access, queues trigger functions.</summary>
        private void Uses(Item compute, List<Item> others)
        {
            foreach (var other in others.Where(o => !o.IsCompute))
            {
                if (!dice.Chance(55))
                {
                    continue;
                }
                var phrase = other.Shape switch
                {
                    Shape.Table => dice.Pick(["reads from", "writes to", "reads and writes"]) + " " + Ref(other.Name),
                    Shape.Bucket => dice.Pick(["writes to", "reads from", "uploads to"]) + " " + Ref(other.Name),
                    Shape.Queue when compute.Shape == Shape.Lambda && dice.Chance(50) => "triggered by " + Ref(other.Name),
                    Shape.Queue => dice.Pick(["sends to", "processes", "consumes"]) + " " + Ref(other.Name),
                    Shape.Topic => "publishes to " + Ref(other.Name),
                    Shape.Workflow => "starts " + Ref(other.Name),
                    _ => null,
                };
                if (phrase is not null)
                {
                    compute.Phrases.Add(phrase);
                }
            }
        }

        private void AddRulesApisAndAlarms(List<Item> computes)
        {
            var lambdas = computes.Where(c => c.Shape == Shape.Lambda).ToList();
            foreach (var task in computes.Where(c => c.Shape == Shape.Task))
            {
                var rule = new Item(Shape.Rule, task.Name + "-schedule");
                rule.Phrases.Add(Schedule());
                rule.Phrases.Add("starts " + Ref(task.Name));
                _items.Add(rule);
            }
            if (lambdas.Count > 0 && dice.Chance(35))
            {
                var target = dice.Pick(lambdas);
                var rule = new Item(Shape.Rule, Name("schedule"));
                rule.Phrases.Add(Schedule());
                rule.Phrases.Add("triggers " + Ref(target.Name));
                _items.Add(rule);
            }
            if (lambdas.Count > 0 && dice.Chance(35))
            {
                var api = new Item(Shape.Api, Name(dice.Pick(["gateway", "public-api", "edge"])));
                var resource = dice.Pick(["orders", "items", "quotes", "claims"]);
                if (dice.Chance(60))
                {
                    var first = dice.Pick(lambdas);
                    var second = dice.Pick(lambdas);
                    api.Phrases.Add($"routes POST /{resource} → {Ref(first.Name)}");
                    api.Phrases.Add($"GET /{resource}/{{id}} → {Ref(second.Name)}");
                }
                else
                {
                    api.Phrases.Add("fronts " + Ref(dice.Pick(lambdas).Name));
                }
                _items.Add(api);
            }
            var topic = _items.FirstOrDefault(i => i.Shape == Shape.Topic);
            if (lambdas.Count > 0 && dice.Chance(30))
            {
                var watched = dice.Pick(lambdas);
                var alarm = new Item(Shape.Alarm, watched.Name + "-errors");
                alarm.Phrases.Add(dice.Pick([
                    $"more than {dice.Pick([1, 5, 10])} errors of {Ref(watched.Name)} in {dice.Pick([5, 15])} minutes",
                    $"any error of {Ref(watched.Name)} in a day",
                ]));
                if (topic is not null)
                {
                    alarm.Phrases.Add("notifies " + Ref(topic.Name));
                }
                _items.Add(alarm);
            }
        }

        private string Schedule() => dice.Pick(["daily at 02:30 UTC", "every 5 minutes", "every hour", "cron(0 10 * * ? *)", "rate(15 minutes)", "every day at 6:00 AM UTC"]);

        private void AddConfiguration(List<Item> computes)
        {
            _environments = dice.Chance(15) ? ["dev", "staging", "prod"] : [];
            var scoped = computes.Count > 1 && dice.Chance(50);
            string[] UsedBy(Item? owner) =>
                !scoped || owner is null ? [] : dice.Chance(70) ? [owner.Name] : [.. computes.Select(c => c.Name).Take(2)];

            // Values from the plan's own resources, named by kind words or by the resource's name.
            foreach (var resource in _items.Where(i => i.Shape is Shape.Table or Shape.Queue or Shape.Bucket or Shape.Topic or Shape.Workflow or Shape.Database))
            {
                if (!dice.Chance(60))
                {
                    continue;
                }
                var stem = resource.Name.Split('-')[0].ToUpperInvariant();
                var (suffix, kindWords) = resource.Shape switch
                {
                    Shape.Table => ("_TABLE", "DynamoDB table"),
                    Shape.Queue => ("_QUEUE_URL", "SQS queue"),
                    Shape.Bucket => ("_BUCKET", "S3 bucket"),
                    Shape.Topic => ("_TOPIC_ARN", "SNS topic"),
                    Shape.Workflow => ("_STATE_MACHINE_ARN", "Step Functions"),
                    _ => ("_DB_HOST", "RDS"),
                };
                var unique = _items.Count(i => i.Shape == resource.Shape) == 1;
                var value = unique && dice.Chance(50) ? $"_(from {kindWords})_" : $"_(from {resource.Name})_";
                var user = computes.FirstOrDefault(c => c.Phrases.Any(p => p.Contains(Ref(resource.Name), StringComparison.Ordinal))) ?? dice.Pick(computes);
                AddRow(stem + suffix, $"The {resource.Name} {kindWords}", value, true, UsedBy(user));
            }

            // Secrets: some read through a variable, some only listed (the generator passes their ARN).
            var secretNames = dice.Shuffle(new[] { "stripe/api-key", "db/credentials", "partner/token", "smtp/password", "oauth/client" }).Take(dice.Next(3)).ToList();
            var placeholder = dice.Chance(50);
            foreach (var secret in secretNames)
            {
                var json = secret is "db/credentials" or "oauth/client";
                var fields = secret == "db/credentials" ? new[] { "username", "password" } : secret == "oauth/client" ? ["client_id", "client_secret"] : [];
                var name = (placeholder ? "[product]/" : product + "/") + secret;
                var format = json ? dice.Pick(["JSON: `{" + string.Join(", ", fields) + "}`", "JSON: {" + string.Join(", ", fields) + "}"]) : dice.Pick(["Plain string", "plain text", ""]);
                _secrets.Add(new SecretRow(name, dice.Pick(["Credentials of the partner API", "Rotated every 90 days", "Used to sign requests", ""]), format, fields, []));
                if (dice.Chance(60))
                {
                    var owner = dice.Pick(computes);
                    var stem = secret.Split('/')[0].ToUpperInvariant();
                    if (json)
                    {
                        var field = dice.Pick(fields);
                        AddRow($"{stem}_{field.ToUpperInvariant()}", $"The {field} from {secret}", secretNames.Count == 1 ? "_(Secrets Manager)_" : $"_(from secret {name})_", true, UsedBy(owner));
                    }
                    else
                    {
                        AddRow(secret.Replace('/', '_').Replace('-', '_').ToUpperInvariant(), "Secret value", secretNames.Count == 1 ? "_(Secrets Manager)_" : $"_(from secret {name})_", true, UsedBy(owner));
                    }
                }
            }

            // Literals, optional and required; some required values left to deploy time; one resource the plan does not create.
            foreach (var (name, description, values) in dice.Shuffle(Literals).Take(1 + dice.Next(4)))
            {
                var required = dice.Chance(50);
                AddRow(name, description, dice.Pick(values), required, UsedBy(dice.Pick(computes)));
            }
            if (dice.Chance(15))
            {
                AddRow("PARTNER_API_TOKEN_ID", "Issued by the partner at deploy time", "", true, UsedBy(dice.Pick(computes)));
            }
            if (dice.Chance(10))
            {
                AddRow("FEATURE_FLAGS_URL", "Optional feature flag endpoint", "", false, UsedBy(dice.Pick(computes)));
            }
            if (dice.Chance(12))
            {
                AddRow("LEGACY_HOST", "Host of the legacy partner feed", "_(from the legacy partner feed)_", true, UsedBy(dice.Pick(computes)));
            }
        }

        private static readonly (string Name, string Description, string[] Values)[] Literals =
        [
            ("LOG_LEVEL", "Log level", ["info", "debug", "INFO", "warn"]),
            ("PAGE_SIZE", "Items per page", ["50", "100", "25"]),
            ("API_BASE_URL", "Base URL of the partner API", ["https://api.example.com/v1", "https://partner.example.org"]),
            ("RETRY_LIMIT", "Retries before giving up", ["3", "5"]),
            ("FEATURE_EXPORT_ENABLED", "Turns the export on", ["true", "false"]),
            ("TIMEZONE_NAME", "Time zone of reports", ["Europe/Berlin", "UTC"]),
            ("BATCH_WINDOW_MINUTES", "Minutes per batch", ["15", "60"]),
            ("SENDER_ADDRESS", "From address of emails", ["noreply@example.com"]),
        ];

        private void AddRow(string name, string description, string value, bool required, string[] usedBy)
        {
            if (!_variableNames.Add(name))
            {
                return;
            }
            string[] values;
            if (_environments.Length == 0)
            {
                values = [value];
            }
            else if (value.StartsWith("_(", StringComparison.Ordinal) || value.Length == 0)
            {
                values = [.. _environments.Select(_ => value)];
            }
            else
            {
                values = [.. _environments.Select(e => dice.Chance(50) ? value : e == "prod" ? value + "-prod" : value)];
            }
            _rows.Add(new Row(name, description, values, required, usedBy));
        }

        private string Render()
        {
            var text = new StringBuilder();
            var title = $"{char.ToUpperInvariant(product[0])}{product[1..]} service";
            text.Append("---\n");
            text.Append("title: ").Append(title).Append('\n');
            text.Append("date: 2026-0").Append(1 + dice.Next(9)).Append("-1").Append(dice.Next(10)).Append('\n');
            text.Append("status: ").Append(dice.Pick(["active", "implemented", "active"])).Append('\n');
            text.Append("author: ").Append(dice.Pick(["Ana Lima", "Kofi Mensah", "Mei Tanaka", "Jonas Berg"])).Append('\n');
            var stackStructure = dice.Chance(60);
            if (!stackStructure || dice.Chance(85))
            {
                text.Append("product: ").Append(product).Append('\n');
            }
            text.Append("---\n\n# ").Append(title).Append("\n\n## Overview\n\n");
            text.Append("The ").Append(product).Append(" service keeps its records in AWS and answers the shop's requests.\n\n---\n\n");
            text.Append("## Infrastructure (CDK/Terraform)\n\n### AWS Resources\n\n");
            var numbered = dice.Chance(30);
            var style = _style;
            // "**name**: ..." reads as a label followed by text, so bold names take a dash.
            var separator = style == 2 ? dice.Pick([" — ", " - "]) : dice.Pick([" — ", " — ", " - ", ": "]);
            var index = 1;
            foreach (var item in dice.Chance(70) ? _items : dice.Shuffle(_items))
            {
                text.Append(numbered ? $"{index++}. " : "- ");
                var kind = KindWords(item);
                text.Append(style switch
                {
                    0 => $"**{kind}** {Code(item.Name)}",
                    1 => $"{kind} {Code(item.Name)}",
                    _ => $"**{item.Name}**{separator}{kind}",
                });
                if (item.Phrases.Count > 0)
                {
                    text.Append(style == 2 ? ", " : separator).Append(string.Join(", ", item.Phrases));
                }
                text.Append('\n');
            }
            text.Append('\n');
            if (stackStructure)
            {
                text.Append("### CDK Stack Structure\n\n```\napps/").Append(product).Append("/infra/cdk/\n├── lib/\n│   └── ")
                    .Append(product).Append("-stack.ts\n└── README.md\n```\n\n");
            }
            text.Append("---\n\n## Configuration\n\n");
            var secretsFirst = dice.Chance(20);
            if (secretsFirst)
            {
                RenderSecrets(text);
            }
            RenderVariables(text);
            if (!secretsFirst)
            {
                RenderSecrets(text);
            }
            text.Append("---\n\n## Testing Strategy\n\nUnit tests for each handler; an end-to-end test against a staging stack.\n");
            return text.ToString();
        }

        private string KindWords(Item item) => item.Shape switch
        {
            Shape.Lambda => dice.Pick(["Lambda Function", "Lambda function", "AWS Lambda"]),
            Shape.Service => dice.Pick(["ECS Fargate service", "Fargate Service"]),
            Shape.Task => dice.Pick(["Fargate task", "ECS Fargate task"]),
            Shape.Table => dice.Pick(["DynamoDB Table", "DynamoDB table"]),
            Shape.Queue => dice.Pick(["SQS Queue", "SQS queue"]),
            Shape.Bucket => dice.Pick(["S3 Bucket", "S3 bucket"]),
            Shape.Topic => dice.Pick(["SNS Topic", "SNS topic"]),
            Shape.Workflow => dice.Pick(["Step Functions state machine", "Step Functions"]),
            Shape.Database => dice.Pick(["RDS instance", "RDS PostgreSQL"]),
            Shape.Rule => dice.Pick(["EventBridge Rule", "EventBridge rule"]),
            Shape.Api => dice.Pick(["API Gateway HTTP API", "HTTP API", "API Gateway REST API"]),
            _ => dice.Pick(["CloudWatch Alarm", "CloudWatch alarm"]),
        };

        private void RenderVariables(StringBuilder text)
        {
            if (_rows.Count == 0 && dice.Chance(50))
            {
                return;
            }
            var name = dice.Pick(["Variable", "Variable", "Name", "Env Var"]);
            var description = dice.Pick(["Description", "Description", "Purpose"]);
            var value = dice.Pick(["Example", "Example", "Default", "Value"]);
            var required = dice.Pick(["Required", "Required", "Mandatory"]);
            var hasUsedBy = _rows.Any(r => r.UsedBy.Length > 0);
            var usedBy = dice.Pick(["Used by", "Component"]);
            var columns = new List<string> { name, description };
            columns.AddRange(_environments.Length > 0 ? _environments : [value]);
            columns.Add(required);
            if (hasUsedBy)
            {
                columns.Add(usedBy);
            }
            if (_environments.Length == 0 && dice.Chance(30))
            {
                // Description after the value, as some teams write it.
                columns.Remove(description);
                columns.Insert(2, description);
            }
            var codeNames = dice.Chance(85);
            var codeValues = dice.Chance(85);
            var yes = dice.Pick(["Yes", "Yes", "yes", "✓"]);
            var no = dice.Pick(["No", "No", "no", "optional"]);
            List<string> Cells(Row r, List<string> columns, Func<int, string> value)
            {
                var cells = new List<string>();
                var valueIndex = 0;
                foreach (var column in columns)
                {
                    cells.Add(column == name ? (codeNames ? Code(r.Name) : r.Name)
                        : column == description ? r.Description
                        : column == required ? (r.Required ? yes : no)
                        : column == usedBy ? string.Join(", ", r.UsedBy.Select(Code))
                        : ValueCell(value(valueIndex++), codeValues));
                }
                return cells;
            }

            text.Append("### Environment Variables\n\n");
            switch (_environments.Length == 0 ? 0 : dice.Next(3))
            {
                case 0:
                    // One value column, or one column per environment.
                    text.Append(Table(columns, [.. _rows.Select(r => Cells(r, columns, i => r.Values[i]))])).Append('\n');
                    break;
                case 1:
                {
                    // An Environment column: one row per environment where the values differ, one row for all where they agree.
                    var envColumns = new List<string> { name, "Environment", value, description };
                    if (dice.Chance(50))
                    {
                        envColumns.Add(required);
                    }
                    if (hasUsedBy)
                    {
                        envColumns.Add(usedBy);
                    }
                    var rows = new List<List<string>>();
                    foreach (var r in _rows)
                    {
                        if (r.Values.Distinct().Count() == 1)
                        {
                            var cells = Cells(r, envColumns, _ => r.Values[0]);
                            cells[1] = "";
                            rows.Add(cells);
                            continue;
                        }
                        for (var e = 0; e < _environments.Length; e++)
                        {
                            var cells = Cells(r, envColumns, _ => r.Values[e]);
                            cells[1] = _environments[e];
                            rows.Add(cells);
                        }
                    }
                    text.Append(Table(envColumns, rows)).Append('\n');
                    break;
                }
                default:
                {
                    // One table per environment, under its own heading.
                    var tableColumns = columns.Where(c => !_environments.Contains(c)).ToList();
                    tableColumns.Insert(2, value);
                    for (var e = 0; e < _environments.Length; e++)
                    {
                        var heading = _environments[e] switch { "dev" => dice.Pick(["Development", "dev"]), "staging" => "Staging", _ => dice.Pick(["Production", "prod"]) };
                        text.Append("#### ").Append(heading).Append("\n\n")
                            .Append(Table(tableColumns, [.. _rows.Select(r => Cells(r, tableColumns, _ => r.Values[e]))])).Append('\n');
                    }
                    break;
                }
            }
        }

        private static string ValueCell(string value, bool code) =>
            value.Length == 0 || value.StartsWith("_(", StringComparison.Ordinal) || !code ? value : Code(value);

        private void RenderSecrets(StringBuilder text)
        {
            if (_secrets.Count == 0)
            {
                return;
            }
            var heading = dice.Pick(["Secrets (AWS Secrets Manager)", "Secrets (AWS Secrets Manager)", "Secrets"]);
            var columns = new List<string> { dice.Pick(["Secret Name", "Secret", "Name"]), dice.Pick(["Description", "Purpose"]) };
            var hasFormat = dice.Chance(80) || _secrets.Any(s => s.Fields.Length > 0);
            if (hasFormat)
            {
                columns.Add("Format");
            }
            var code = dice.Chance(80);
            string SecretCell(string secret) => code ? Code(secret) : secret;
            var rows = _secrets.Select(s => hasFormat ? new List<string> { SecretCell(s.Name), s.Description, s.Format } : [SecretCell(s.Name), s.Description]).ToList();
            text.Append("### ").Append(heading).Append("\n\n").Append(Table(columns, rows)).Append('\n');
        }

        /// <summary>A pipe table aligned the way editors and markdownlint leave it.</summary>
        private static string Table(List<string> columns, List<List<string>> rows)
        {
            var widths = columns.Select((c, i) => Math.Max(3, rows.Select(r => r[i].Length).Append(c.Length).Max())).ToList();
            var text = new StringBuilder();
            void Line(IEnumerable<string> cells) =>
                text.Append("| ").Append(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])))).Append(" |\n");
            Line(columns);
            Line(widths.Select(w => new string('-', w)));
            foreach (var row in rows)
            {
                Line(row);
            }
            return text.ToString();
        }
    }
}
