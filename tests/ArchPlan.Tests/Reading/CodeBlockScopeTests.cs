using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

/// <summary>The environment map of a CDK code example is scoped to the function the example constructs, when the plan lists it.</summary>
public sealed class CodeBlockScopeTests
{
    private static ArchPlan.Model.Plan Read(string construct) => PlanReader.Parse($$"""
        # Field jobs

        ## Infrastructure

        1. **Lambda Stack**: one function per service, `service-crew` and `service-jobs`, Node.js 22, 512 MB

        ## CDK example

        ```typescript
        {{construct}}
          entry: '../packages/service-jobs/src/index.ts',
          memorySize: 512,
          environment: {
            TABLE_NAME: props.table.tableName,
            LOG_LEVEL: 'INFO',
          },
        });
        ```
        """, "plan.md").Value!;

    [Theory]
    [InlineData("const jobs = new nodejs.NodejsFunction(this, 'JobsService', {")]
    [InlineData("jobs = lambda_.Function(self, \"ServiceJobsFunction\",  {")]
    public void Variables_of_an_example_that_builds_one_planned_function_belong_to_it(string construct)
    {
        var plan = Read(construct);
        Assert.Equal(["service-jobs"], plan.Variables.Single(v => v.Name == "LOG_LEVEL").Scope);
        Assert.Equal(["service-jobs"], plan.Variables.Single(v => v.Name == "TABLE_NAME").Scope);
    }

    [Theory]
    [InlineData("const fn = new nodejs.NodejsFunction(this, 'Worker', {")]
    [InlineData("const fn = new nodejs.NodejsFunction(props.scope, {")]
    public void Variables_of_an_example_that_builds_no_planned_function_belong_to_every_compute(string construct) =>
        Assert.Empty(Read(construct).Variables.Single(v => v.Name == "LOG_LEVEL").Scope);
}
