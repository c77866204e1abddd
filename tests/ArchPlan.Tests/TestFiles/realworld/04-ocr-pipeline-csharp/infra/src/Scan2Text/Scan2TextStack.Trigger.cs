using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;

namespace Scan2Text
{
    public sealed partial class Scan2TextStack
    {
        /// <summary>The function that turns each queued job into one RunTask call.</summary>
        private void AddTrigger()
        {
            var trigger = new Function(this, "Trigger", new FunctionProps
            {
                FunctionName = "scan2text-trigger",
                Runtime = Runtime.DOTNET_8,
                Handler = "Scan2Text.Trigger::Scan2Text.Trigger.Function::HandleAsync",
                Code = Code.FromAsset("../trigger/bin/Release/net8.0/publish"),
                MemorySize = 256,
                Timeout = Duration.Seconds(30),
                LogRetention = RetentionDays.TWO_WEEKS,
                Environment = new Dictionary<string, string>
                {
                    ["CLUSTER_ARN"] = _cluster.ClusterArn,
                },
            });
            trigger.AddEnvironment("TASK_DEFINITION_ARN", _ocrTask.TaskDefinitionArn);

            // One scan per invocation keeps a failed RunTask from returning a whole batch to the queue.
            trigger.AddEventSource(new SqsEventSource(_jobs, new SqsEventSourceProps { BatchSize = 1 }));

            trigger.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "ecs:RunTask" },
                Resources = new[] { _ocrTask.TaskDefinitionArn },
            }));
            trigger.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "iam:PassRole" },
                Resources = new[] { _ocrTask.TaskRole.RoleArn, _ocrTask.ObtainExecutionRole().RoleArn },
            }));
        }
    }
}
