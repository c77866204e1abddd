using Amazon.CDK;
using Constructs;

namespace Acme.Orders
{
    /// <summary>Reporting comes in a later phase; the stack exists so its name is reserved in every account.</summary>
    public sealed class ReportingStack : Stack
    {
        public ReportingStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
        {
        }
    }
}
