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
internal static class RandomPlans
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
