using ArchPlan.Model;
using static ArchPlan.Tests.Reading.ReadingAssertions;

namespace ArchPlan.Tests.Reading;

/// <summary>
/// Shapes of real design documents, not written from the template (issue 11): configuration tables under any heading,
/// per-environment secrets, build-time variables, value cells in words, resources in lists, tables and headings.
/// Each document is small and in our own words; its first line is line 1.
/// </summary>
public sealed partial class PlanReaderTests
{
    private static (Plan Plan, IReadOnlyList<ArchPlan.Diagnostics.Diagnostic> Diagnostics) Document(string text) => Parse(text);

    private static string Secret(PlannedSecret s) =>
        $"{s.Location.Line} {s.Name}" + (s.Environment is null ? "" : $" env={s.Environment}") + (s.Scope.Count == 0 ? "" : $" scope={string.Join(',', s.Scope)}") + (s.Format is null ? "" : $" format={s.Format}");

    [Fact]
    public void Reads_a_secrets_table_repeated_per_environment_with_the_environment_of_each_name()
    {
        var (plan, _) = Document("""
            # Billing service

            ## Credentials

            ### Staging

            | Environment | Integration | Secret Type | AWS Secret Name/Path | Notes |
            | --- | --- | --- | --- | --- |
            | staging | Card processor | API key | `billing/stg/card-key` | sandbox account |
            | staging | Mailer | SMTP password | `billing/stg/smtp` | |

            ### Production

            | Environment | Integration | Secret Type | AWS Secret Name/Path | Notes |
            | --- | --- | --- | --- | --- |
            | production | Card processor | API key | `billing/prod/card-key` | rotated yearly |
            | production | Mailer | SMTP password | `billing/prod/smtp` | |
            """);

        Assert.Equal(
            ["9 billing/stg/card-key env=staging format=API key", "10 billing/stg/smtp env=staging format=SMTP password",
             "16 billing/prod/card-key env=production format=API key", "17 billing/prod/smtp env=production format=SMTP password"],
            plan.Secrets.Select(Secret));
        Assert.Empty(plan.Variables);
    }

    [Fact]
    public void Reads_the_scope_of_a_secret_from_a_used_by_column_and_its_environment_from_its_name()
    {
        var (plan, _) = Document("""
            # Ledger

            ## Secrets

            | Secret ARN | Used by | Purpose |
            | --- | --- | --- |
            | `arn:aws:secretsmanager:eu-west-1:111122223333:secret:ledger/prod/db-Ab12Cd` | `ledger-api`, `ledger-jobs` | database login |
            | `ledger/shared/signing-key` | `ledger-api` | signs exports |
            """);

        Assert.Equal(["7 ledger/prod/db env=prod scope=ledger-api,ledger-jobs", "8 ledger/shared/signing-key scope=ledger-api"], plan.Secrets.Select(Secret));
    }

    [Fact]
    public void Reads_a_variable_table_under_any_heading_when_its_header_says_variable()
    {
        var (plan, diagnostics) = Document("""
            # Notes service

            ## Web stack (`NotesWebStack`)

            **Container environment:**

            | Variable | Source | Purpose |
            | --- | --- | --- |
            | `DB_URL` | Secrets Manager `notes/prod/db-url` | connection string |
            | `ASSETS_BUCKET` | Stack (name of the assets bucket) | uploads |
            | `SITE_URL` | Static: `https://notes.example` | links in mails |
            | `MODE` | CDK context | set per deployment |
            """);

        Variables(plan,
            "9 DB_URL secret:notes/prod/db-url unspecified",
            "10 ASSETS_BUCKET resource:Stack (name of the assets bucket) unspecified",
            "11 SITE_URL literal:https://notes.example unspecified",
            "12 MODE none unspecified");
        Assert.Equal(["9 notes/prod/db-url env=prod"], plan.Secrets.Select(Secret));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AP1204");
    }

    [Fact]
    public void Keeps_the_variables_of_a_deployment_table_holding_cdk_variables_out_of_the_run_time_ones()
    {
        var (plan, _) = Document("""
            # Tiles

            ## Deploying

            | Name | Explanation |
            | --- | --- |
            | `STAGE` | stage the stack is named after |
            | `CDK_DEFAULT_ACCOUNT` | target account |
            | `VPC_ID` | existing VPC to use |

            ## Configuration

            ### Environment Variables

            | Variable | Description | Default |
            | --- | --- | --- |
            | `CDK_DEFAULT_REGION` | region to deploy to | `eu-west-1` |
            | `TILE_CACHE_SECONDS` | how long tiles are cached | `300` |
            """);

        Assert.Equal(["7 STAGE", "8 CDK_DEFAULT_ACCOUNT", "9 VPC_ID", "17 CDK_DEFAULT_REGION"], plan.BuildTimeVariables.Select(v => $"{v.Location.Line} {v.Name}"));
        Variables(plan, "18 TILE_CACHE_SECONDS literal:300 unspecified");
        Assert.Equal([ConfigTableKind.BuildTimeVariables, ConfigTableKind.EnvironmentVariables], plan.Tables.Select(t => t.Kind));
    }

    [Fact]
    public void Reads_context_keys_exported_shell_variables_and_deploy_time_tokens_as_build_time()
    {
        var (plan, _) = Document("""
            # Search

            ## Set up

            ```bash
            export CDK_DEFAULT_REGION=eu-north-1
            export DEPLOY_PROFILE=search-admin
            ```

            ## Options

            | Context Key | Default | Purpose |
            | --- | --- | --- |
            | `indexName` | `docs` | name of the index |

            | Token | Used in | Value at deploy time |
            | --- | --- | --- |
            | `%%IMAGE_TAG%%` | the task definition | commit of the build |
            """);

        Assert.Equal(["6 CDK_DEFAULT_REGION", "7 DEPLOY_PROFILE", "14 indexName", "18 IMAGE_TAG"], plan.BuildTimeVariables.Select(v => $"{v.Location.Line} {v.Name}"));
        Assert.Empty(plan.Variables);
    }

    [Fact]
    public void Reads_no_table_under_local_development_ci_or_removed_headings()
    {
        var (plan, _) = Document("""
            # Orders

            ## Environment Variables

            | Variable | Default |
            | --- | --- |
            | `PAGE_SIZE` | `50` |

            ### Local development

            | Variable | Default |
            | --- | --- |
            | `EMULATOR_URL` | `http://localhost:4566` |

            ### Devcontainer

            | Variable | Description |
            | --- | --- |
            | `GIT_AUTHOR_NAME` | commit identity |

            ## Deprecated secrets

            | Secret | Replaced by |
            | --- | --- |
            | `orders-old/db` | `orders/db` |

            ## GitHub Actions

            | Secret Name | Purpose |
            | --- | --- |
            | `DEPLOY_ROLE_ARN` | role the workflow assumes |
            """);

        Variables(plan, "7 PAGE_SIZE literal:50 unspecified");
        Assert.Empty(plan.Secrets);
        Assert.Single(plan.Tables);
    }

    [Fact]
    public void Scopes_variables_only_by_headings_that_name_compute()
    {
        var (plan, _) = Document("""
            # Ingest

            ## AWS Resources

            - **Lambda Function** `ingest-api` — Node.js 20
            - **ECS Fargate Service** `ingest-worker` — 1 vCPU

            ## Configuration

            ### Logging

            | Variable | Default |
            | --- | --- |
            | `LOG_LEVEL` | `info` |

            ### Worker

            | Variable | Default |
            | --- | --- |
            | `BATCH_SIZE` | `10` |

            ### `ingest-api`

            | Variable | Default |
            | --- | --- |
            | `PAGE_SIZE` | `20` |

            ### Handler (`export.py`)

            | Variable | Default |
            | --- | --- |
            | `EXPORT_FORMAT` | `csv` |

            ### ECS configuration

            | Variable | Default |
            | --- | --- |
            | `CLUSTER_NAME` | `ingest` |
            """);

        Assert.Equal(
            ["LOG_LEVEL:", "BATCH_SIZE:Worker", "PAGE_SIZE:ingest-api", "EXPORT_FORMAT:Handler (export.py)", "CLUSTER_NAME:"],
            plan.Variables.Select(v => $"{v.Name}:{string.Join(',', v.Scope)}"));
    }

    [Fact]
    public void Marks_values_of_an_example_column_as_examples()
    {
        var (plan, _) = Document("""
            # Mailer

            ## Environment Variables

            | Variable | Example |
            | --- | --- |
            | `SENDER` | `noreply@example.com` |
            | `REPLY_TO` | - |

            ### Defaults

            | Variable | Default |
            | --- | --- |
            | `RETRIES` | `3` |
            """);

        Assert.Equal(["SENDER:True", "REPLY_TO:False", "RETRIES:False"], plan.Variables.Select(v => $"{v.Name}:{v.ValueIsExample}"));
    }

    [Fact]
    public void Reads_a_table_with_a_misspelt_header_and_says_what_it_read_it_as()
    {
        var (plan, diagnostics) = Document("""
            # Scanner

            ## Environment Variables

            | Varible | Exmaple | Requried |
            | --- | --- | --- |
            | `SCAN_REGION` | eu-west-2 | yes |
            """);

        Variables(plan, "7 SCAN_REGION literal:eu-west-2 required");
        Assert.Equal(["AP1206@5", "AP1206@5", "AP1206@5"], Codes(diagnostics.Where(d => d.Id.StartsWith("AP12", StringComparison.Ordinal))));
        Assert.Contains(diagnostics, d => d.Id == "AP1206" && d.Message.Contains("did you mean 'Variable'", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_a_table_that_looks_like_configuration_but_cannot_be_read()
    {
        var (plan, diagnostics) = Document("""
            # Scanner

            ## Stack notes

            | Setting name | Default | Required |
            | --- | --- | --- |
            | `SCAN_REGION` | eu-west-2 | yes |

            | Name | Default | Description |
            | --- | --- | --- |
            | `SCAN_DEPTH` | `3` | how deep |
            """);

        // The second table is read: a Name column of environment-variable names beside configuration columns.
        Variables(plan, "11 SCAN_DEPTH literal:3 unspecified");
        Assert.Equal(["AP1208@5"], Codes(diagnostics.Where(d => d.Id == "AP1208")));
        Assert.Contains("Default and Required", diagnostics.Single(d => d.Id == "AP1208").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_prose_defaults_as_no_value_with_the_words_in_the_description()
    {
        var (plan, diagnostics) = Document("""
            # Gateway

            ## Environment Variables

            | Variable | Default | Description |
            | --- | --- | --- |
            | `ALLOWED_ORIGINS` | Empty (no allowlist by default) | origins allowed to call |
            | `API_KEY` | Uses AWS Secrets Manager if not set | provider key |
            | `TIMEOUT` | `30` (seconds) | upstream timeout |
            """);

        Variables(plan, "7 ALLOWED_ORIGINS none unspecified", "8 API_KEY none unspecified", "9 TIMEOUT literal:30 unspecified");
        Assert.Equal("origins allowed to call (Default: Empty (no allowlist by default))", plan.Variables[0].Description);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AP1207");
    }

    [Fact]
    public void Splits_a_value_cell_that_names_environments_and_reports_one_that_mixes_words_in()
    {
        var (plan, diagnostics) = Document("""
            # Gateway

            ## Environment Variables

            | Variable | Default |
            | --- | --- |
            | `LOG_LEVEL` | `debug` (dev), `info` (prod) |
            | `FORMAT` | `json` or `text` |
            """);

        Variables(plan, "7 LOG_LEVEL none unspecified dev@7=literal:debug prod@7=literal:info", "8 FORMAT none unspecified");
        var error = Assert.Single(diagnostics, d => d.Id == "AP1207");
        Assert.Equal((8, 14), (error.Location.Line, error.Location.Column));
        Assert.Contains("`debug` (dev), `info` (prod)", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_backticks_inside_a_code_span_and_pipes_in_a_plain_value()
    {
        var (plan, _) = Document("""
            # Splitter

            ## Environment Variables

            | Variable | Example |
            | --- | --- |
            | `QUOTE` | ``x`y`` |
            | `SPLIT_ON` | a\|b |
            """);

        Variables(plan, "7 QUOTE literal:x`y unspecified", "8 SPLIT_ON literal:a|b unspecified");
    }

    [Fact]
    public void Reads_one_value_per_environment_from_a_header_that_names_them()
    {
        var (plan, _) = Document("""
            # Ferry

            ## Function settings

            | Variable | Safe default (dev / staging / prod) | Description |
            | --- | --- | --- |
            | `LOG_LEVEL` | `DEBUG` / `INFO` / `INFO` | logger level |
            | `SERVICE` | `ferry` | name in logs |

            ## Dispatch

            | Property | Staging value | Production value |
            | --- | --- | --- |
            | `SINK_URL` | `http://sink:9428` (service discovery) | same |
            """);

        Variables(plan,
            "7 LOG_LEVEL none unspecified dev@7=literal:DEBUG staging@7=literal:INFO prod@7=literal:INFO",
            "8 SERVICE literal:ferry unspecified",
            "14 SINK_URL none unspecified staging@14=literal:http://sink:9428 production@14=literal:http://sink:9428");
    }

    [Fact]
    public void Reads_aliases_and_several_variables_in_one_name_cell()
    {
        var (plan, _) = Document("""
            # Scan pipeline

            ## Configuration

            | Component | Environment Variables |
            | --- | --- |
            | Task | `SOURCE_BUCKET`, `JOB_QUEUE_URL` |

            | Variable | Default |
            | --- | --- |
            | `LOG_LEVEL` (or `LOGLEVEL`) | `info` |
            """);

        Assert.Equal(["7 SOURCE_BUCKET scope=Task", "7 JOB_QUEUE_URL scope=Task", "11 LOG_LEVEL aliases=LOGLEVEL"],
            plan.Variables.Select(v => $"{v.Location.Line} {v.Name}" + (v.Scope.Count > 0 ? " scope=" + string.Join(',', v.Scope) : "") + (v.Aliases.Count > 0 ? " aliases=" + string.Join(',', v.Aliases) : "")));
    }

    [Fact]
    public void Skips_rows_only_the_pipeline_uses_and_rows_that_group_the_rows_below()
    {
        var (plan, _) = Document("""
            # Ledger

            ## What we set

            | Variable | Secrets Manager bundle | GitHub secret? | Purpose |
            | --- | --- | --- | --- |
            | `DATABASE_URL` | ✅ | — | connection string |
            | `NOTIFY_HOOK` | ✅ | ✅ | alerts |
            | **Deploy only** | | | |
            | `DEPLOY_ROLE_ARN` | — | ✅ | role of the workflow |
            """);

        Variables(plan, "7 DATABASE_URL secret:? unspecified", "8 NOTIFY_HOOK secret:? unspecified");
    }

    [Fact]
    public void Reads_variables_from_a_labelled_list_scoped_by_the_sentence_above()
    {
        var (plan, _) = Document("""
            # Lockers

            ## Infrastructure

            ### Deployed resources

            - **AWS Lambda**
                - `hold-locker`
                - `free-locker`
            - **DynamoDB** - one construct:
                - `Holds` table, partition key `hold_id`

            ### Environment Variables

            The construct sets these on both functions:
            - **SERVICE_NAME**: `lockers` (logs and metrics)
            - **TABLE_NAME**: name of the `Holds` table

            and these on `hold-locker` only:
            - **APP** / **PROFILE**: where the flags live (`lockers`, `features`)
            """);

        Variables(plan,
            "16 SERVICE_NAME literal:lockers unspecified",
            "17 TABLE_NAME resource:Holds table unspecified",
            "20 APP literal:lockers unspecified scope=hold-locker",
            "20 PROFILE literal:features unspecified scope=hold-locker");
        Resources(plan, "8 LambdaFunction hold-locker", "9 LambdaFunction free-locker", "11 DynamoDbTable Holds");
    }

    [Fact]
    public void Reads_the_environment_map_of_a_cdk_example_when_no_table_lists_the_variables()
    {
        var (plan, _) = Document("""
            # Jobs

            ## Stack example

            ```typescript
            const jobs = new lambda.Function(this, 'Jobs', {
              memorySize: 512,
              environment: {
                TABLE_NAME: props.table.tableName,
                LOG_LEVEL: 'INFO',
                RETRIES: 3,
              },
            })
            ```

            ```json
            { "environment": [ { "name": "JOB_ID", "value": "1" } ] }
            ```
            """);

        Variables(plan, "9 TABLE_NAME resource:table unspecified", "10 LOG_LEVEL literal:INFO unspecified", "11 RETRIES literal:3 unspecified");
    }

    [Fact]
    public void Reads_resources_from_lists_tables_and_headings_of_a_document_without_an_aws_resources_section()
    {
        var (plan, diagnostics) = Document("""
            # Catalog

            ## 1. Architecture

            | Layer | Service | Details |
            | --- | --- | --- |
            | Compute | ECS Fargate service `catalog-web` | two tasks |
            | Edge | CloudFront distribution `catalog-cdn` | caches the site |

            ## 2. Compute

            ### 2.1 Lambda Functions

            #### `catalog-import`

            Imports feeds nightly.

            ### 2.2 ECR Repositories

            | Repository name | Built from |
            | --- | --- |
            | `catalog-web` | `web/Dockerfile` |

            ## 3. Storage

            - **Media:** S3 bucket `catalog-media`, versioned
            - table `catalog-items`, on demand

            ## 4. Security

            - IAM roles with least privilege
            - **Encryption**: S3 and DynamoDB with AWS-managed keys

            ## 5. Notes

            The `catalog-sync` Lambda function also runs hourly; nobody remembers why.

            ```typescript
            new s3.Bucket(this, 'ScratchBucket', { bucketName: 'catalog-scratch' })
            ```
            """);

        Assert.Equal(
            ["7 FargateService catalog-web", "8 Unknown catalog-cdn", "14 LambdaFunction catalog-import", "22 EcrRepository catalog-web",
             "26 S3Bucket catalog-media", "27 DynamoDbTable catalog-items"],
            plan.Resources.Select(r => $"{r.Location.Line} {r.Kind} {r.Name}"));
        Assert.DoesNotContain(diagnostics, d => d.Id is "AP1301" or "AP1304");
    }

    [Fact]
    public void Reads_a_kind_heading_over_its_property_table_and_nested_names_under_a_kind()
    {
        var (plan, _) = Document("""
            # Observability

            ## Requirements

            ### Application Load Balancer

            | Property | Value |
            | --- | --- |
            | Name | `obs-alb` |
            | Scheme | internet-facing |

            ### ECS Services

            #### metrics

            | Property | Value |
            | --- | --- |
            | Task CPU | 512 |

            #### logs

            Same shape as metrics.
            """);

        Resources(plan, "5 Unknown obs-alb", "14 FargateService metrics", "20 FargateService logs");
    }

    [Fact]
    public void Reads_unnamed_resources_only_where_a_document_lists_resources()
    {
        var (plan, _) = Document("""
            # Scribe

            ## Overview

            - **ECS Fargate** - containers for the worker
            - **EFS** - storage for recordings
            - **CloudWatch** - logs and metrics

            ## Security

            - **IAM roles** with least privilege
            - **Encrypted EFS** at rest
            """);

        Assert.Equal(["5 FargateService", "6 Unknown"], plan.Resources.Select(r => $"{r.Location.Line} {r.Kind}"));
    }

    [Fact]
    public void Locates_a_secret_a_paragraph_names_at_the_table_row_that_lists_it()
    {
        var (plan, _) = Document("""
            # Ledger secrets

            ## Approach

            One Secrets Manager bundle per environment, `ledger-env-prod` and `ledger-env-stg`, each a JSON object.

            | Environment | Bundle | Region |
            | --- | --- | --- |
            | Production | `ledger-env-prod` | `eu-central-1` |
            | Staging | `ledger-env-stg` | `eu-central-1` |

            A settings secret named `<app>-<stage>-settings`, for example `ledger-dev-settings`, holds the rest.
            """);

        Assert.Equal(["9 ledger-env-prod env=production", "10 ledger-env-stg env=staging", "12 ledger-dev-settings env=dev"], plan.Secrets.Select(Secret));
    }

    [Fact]
    public void Reads_only_the_aws_resources_section_of_a_plan_that_has_one()
    {
        var (plan, _) = Document("""
            # Orders

            ## Infrastructure

            ### AWS Resources

            - **Lambda Function** `orders-api` — Node.js 20

            ## Implementation Details

            - **S3 bucket** `orders-scratch` used by the notebook
            """);

        Resources(plan, "7 LambdaFunction orders-api runtime=nodejs20.x");
    }
}
