using Amazon.CDK;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Acme.Orders
{
    /// <summary>What the environments share: the alerts topic on-call subscribes to.</summary>
    public sealed class MonitoringStack : Stack
    {
        public MonitoringStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
        {
            AlertsTopic = new Topic(this, "OrderAlerts", new TopicProps { DisplayName = "Order alerts" });
        }

        public Topic AlertsTopic { get; }
    }
}
