using Amazon.CDK;
using Constructs;

namespace Acme.Orders
{
    /// <summary>Order intake for one environment. The planned resources are in OrdersStack.g.cs; this file is the team's.</summary>
    public sealed partial class OrdersStack : Stack
    {
        public OrdersStack(Construct scope, string id, OrdersStackProps props) : base(scope, id, props)
        {
            DefinePlannedResources(props);
            ImportSecrets();

            // Returns go live per environment; the flag is read by the worker only.
            OrderWorker.AddEnvironment("RETURNS_ENABLED", props.ReturnsEnabled);
            OrderWorker.AddEnvironment("SOURCE_PROVIDER", "GITHUB");
            Amazon.CDK.Tags.Of(this).Add("env", props.EnvironmentName);
        }
    }
}
