using ArchPlan.Model;
using static ArchPlan.Tests.Reading.ReadingAssertions;

namespace ArchPlan.Tests.Reading;

/// <summary>The three shipped samples, read exactly as samples/README.md lists them.</summary>
public sealed partial class PlanReaderTests
{
    [Fact]
    public void Reads_the_leaderboard_snapshot_sample()
    {
        var (plan, diagnostics) = ReadSample("leaderboard-snapshot.md");

        Assert.Equal(
            ["title=Daily Leaderboard Snapshots@2", "date=2026-10-14@3", "status=active@4", "author=Priya Raman@5",
             "related_rfc=https://github.com/acme-games/gamehub/blob/main/docs/rfcs/0042-leaderboard-snapshots.md@6",
             "discussion=https://github.com/acme-games/gamehub/pull/1187@7"],
            Fields(plan.FrontMatter));
        Assert.Equal("gamehub", plan.Product);
        Assert.Equal(ProductOrigin.StackStructure, plan.ProductOrigin);
        Assert.Equal(184, plan.ProductLocation?.Line);
        Assert.Equal("gamehub-leaderboard-snapshot-stack.ts", plan.StackFileName);
        Assert.Equal("infrastructure=166 resources=168 stack=181 configuration=209 variables=211 secrets=227", Describe(plan.Sections));
        Resources(plan,
            "170 LambdaFunction leaderboard-snapshot runtime=python3.12 memory=512 timeout=300 Uses->gamehub-db Uses->gamehub-leaderboard-snapshots Uses->leaderboard-snapshots Uses->leaderboard-events",
            "171 EventBridgeRule leaderboard-snapshot-schedule schedule=cron(0 10 * * ? *) Triggers->leaderboard-snapshot",
            "172 RdsInstance gamehub-db",
            "173 S3Bucket gamehub-leaderboard-snapshots",
            "174 DynamoDbTable leaderboard-snapshots",
            "175 SqsQueue leaderboard-events dlq Triggers->leaderboard-publisher",
            "176 LambdaFunction leaderboard-publisher runtime=python3.12 memory=256 timeout=60",
            "177 SnsTopic gamehub-alerts",
            "178 CloudWatchAlarm leaderboard-snapshot-errors Uses->leaderboard-snapshot Notifies->gamehub-alerts",
            "179 CloudWatchAlarm leaderboard-events-dlq-depth Uses->leaderboard-events Notifies->gamehub-alerts");
        Assert.Equal("daily at 10:00 AM UTC", plan.Resources[1].Schedule?.Text);
        ConfigTables(plan, $"EnvironmentVariables@213 {TemplateVariables}", $"Secrets@229 {TemplateSecrets}");
        Variables(plan,
            "215 DB_HOST resource:RDS required",
            "216 DB_NAME literal:gamehub required",
            "217 POSTGRES_USER secret:gamehub/db/credentials#username required",
            "218 POSTGRES_PASSWORD secret:gamehub/db/credentials#password required",
            "219 SNAPSHOT_BUCKET resource:S3 bucket required",
            "220 SNAPSHOT_TABLE resource:DynamoDB table required",
            "221 EVENTS_QUEUE_URL resource:SQS queue required",
            "222 LEADERBOARD_TOP_N literal:1000 optional",
            "223 ESPORTS_FEED_URL literal:https://feed.example.com/v2 required",
            "224 ESPORTS_FEED_API_KEY secret:gamehub/esports-feed/api-key required",
            "225 LOG_LEVEL literal:INFO optional");
        Assert.Equal("Read replica endpoint of the GameHub database", plan.Variables[0].Description);
        Assert.Equal(
            ["gamehub-db", "gamehub-leaderboard-snapshots", "leaderboard-snapshots", "leaderboard-events"],
            plan.Variables.Where(v => v.Value.Kind == ValueKind.FromResource).Select(v => ResolvedResource(plan, v)));
        Secrets(plan,
            $"231 gamehub/db/credentials {DbFields} format={DbFormat}",
            "232 gamehub/esports-feed/api-key format=Plain string");
        Assert.Empty(plan.Environments);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_the_payments_api_sample()
    {
        var (plan, diagnostics) = ReadSample("payments-api.md");

        Assert.Equal(
            ["title=Payments API and Settlement Worker@2", "date=2026-09-30@3", "status=implemented@4", "author=Tomás Oliveira@5", "product=payments@6",
             "related_rfc=https://github.com/acme-shop/platform/blob/main/rfcs/0108-payments-service.md@7",
             "discussion=https://github.com/acme-shop/platform/pull/2210@8"],
            Fields(plan.FrontMatter));
        Assert.Equal("payments", plan.Product);
        Assert.Equal(ProductOrigin.FrontMatter, plan.ProductOrigin);
        Assert.Equal(6, plan.ProductLocation?.Line);
        Assert.Equal("payments-api-stack.ts", plan.StackFileName);
        Assert.Equal("infrastructure=165 resources=167 stack=179 configuration=207 variables=216 secrets=209", Describe(plan.Sections));
        Resources(plan,
            "169 HttpApi payments-api Fronts->payments-handler",
            "170 LambdaFunction payments-handler runtime=nodejs20.x memory=256 timeout=10 Uses->payments Uses->payment-events",
            "171 SqsQueue payment-events dlq Triggers->payments-worker",
            "172 FargateService payments-worker memory=2048 cpu=1024 image=payments-worker Starts->payment-settlement Uses->payments-receipts",
            "173 DynamoDbTable payments",
            "174 StateMachine payment-settlement",
            "175 S3Bucket payments-receipts",
            "176 EventBridgeRule payments-reconciliation-schedule schedule=rate(5 minutes) Starts->payments-reconciliation",
            "177 FargateTask payments-reconciliation memory=1024 cpu=512 image=payments-worker Uses->payments");
        ConfigTables(plan,
            "Secrets@211 Secret=Name,Purpose=Description",
            "EnvironmentVariables@218 Variable=Name,Default=Value,Description=Description,Used by=Scope");
        Secrets(plan, "213 payments/stripe/api-key", "214 payments/stripe/webhook-signing-key");
        Assert.Equal(
            ["Stripe secret key for captures and balance queries", "Verifies the signature of incoming Stripe webhooks"],
            plan.Secrets.Select(s => s.Description));
        Variables(plan,
            "220 PAYMENTS_TABLE resource:DynamoDB table unspecified",
            "221 EVENTS_QUEUE_URL resource:SQS queue unspecified scope=payments-handler,payments-worker",
            "222 RECEIPTS_BUCKET resource:S3 bucket unspecified scope=payments-worker",
            "223 SETTLEMENT_STATE_MACHINE_ARN resource:Step Functions unspecified scope=payments-worker",
            "224 STRIPE_API_KEY secret:payments/stripe/api-key unspecified scope=payments-worker,payments-reconciliation",
            "225 STRIPE_WEBHOOK_SIGNING_KEY secret:payments/stripe/webhook-signing-key unspecified scope=payments-handler",
            "226 WORKER_CONCURRENCY literal:8 unspecified scope=payments-worker",
            "227 RECONCILE_WINDOW_MINUTES literal:15 unspecified scope=payments-reconciliation",
            "228 LOG_LEVEL literal:info unspecified");
        Assert.All(plan.Variables, v => Assert.Null(v.RequiredText));
        Assert.Equal(
            ["payments", "payment-events", "payments-receipts", "payment-settlement"],
            plan.Variables.Where(v => v.Value.Kind == ValueKind.FromResource).Select(v => ResolvedResource(plan, v)));
        var resourceNames = plan.Resources.Select(r => r.Name).ToHashSet();
        Assert.All(plan.Variables.SelectMany(v => v.Scope), scope => Assert.Contains(scope, resourceNames));
        Assert.Empty(plan.Environments);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_the_notifications_per_environment_sample()
    {
        var (plan, diagnostics) = ReadSample("notifications-per-env.md");

        Assert.Equal(
            ["title=Notification Fan-out@2", "date=2026-11-03@3", "status=active@4", "author=Mei Lin Zhao@5", "product=notifications@6",
             "related_rfc=https://github.com/acme-shop/platform/blob/main/rfcs/0121-notification-fanout.md@7",
             "discussion=https://github.com/acme-shop/platform/pull/2304@8"],
            Fields(plan.FrontMatter));
        Assert.Equal("notifications", plan.Product);
        Assert.Equal(ProductOrigin.FrontMatter, plan.ProductOrigin);
        Assert.Equal("notifications-fanout-stack.ts", plan.StackFileName);
        Assert.Equal("infrastructure=111 resources=113 stack=119 configuration=138 variables=140 secrets=151", Describe(plan.Sections));
        Resources(plan,
            "115 SnsTopic notification-requests Notifies->notification-deliveries",
            "116 SqsQueue notification-deliveries dlq Triggers->notification-sender",
            "117 LambdaFunction notification-sender runtime=python3.12 memory=256 timeout=30");
        ConfigTables(plan,
            "EnvironmentVariables@142 Variable=Name,Description=Description,dev=EnvironmentValue(dev),staging=EnvironmentValue(staging),prod=EnvironmentValue(prod),Required=Required",
            $"Secrets@153 {TemplateSecrets}");
        Assert.Equal(["dev", "staging", "prod"], plan.Environments);
        const string Queue = "resource:SQS queue";
        const string Key = "secret:notifications/email-provider/api-key";
        Variables(plan,
            "144 SENDER_ADDRESS none required dev@144=literal:noreply@dev.example.com staging@144=literal:noreply@staging.example.com prod@144=literal:noreply@example.com",
            "145 DRY_RUN none required dev@145=literal:true staging@145=literal:true prod@145=literal:false",
            "146 MAX_BATCH_SIZE none optional dev@146=literal:10 staging@146=literal:10 prod@146=literal:50",
            "147 LOG_LEVEL none optional dev@147=literal:DEBUG staging@147=literal:INFO prod@147=literal:WARNING",
            $"148 DELIVERIES_QUEUE_URL none required dev@148={Queue} staging@148={Queue} prod@148={Queue}",
            $"149 EMAIL_PROVIDER_API_KEY none required dev@149={Key} staging@149={Key} prod@149={Key}");
        Secrets(plan, "155 notifications/email-provider/api-key format=Plain string");
        Assert.Empty(diagnostics);
    }
}
