using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2030, AP2031, AP2032: Lambda memory and timeout, and Fargate CPU/memory, within what AWS offers.</summary>
/// <remarks>
/// CDK checks some of these at synth and leaves others to CloudFormation, which fails mid-deployment;
/// checking them here puts the error on the plan line. A setting the plan does not give is not checked.
/// </remarks>
internal sealed class ComputeLimitsRule : IPlanRule
{
    public const int LambdaMinMemoryMb = 128;

    public const int LambdaMaxMemoryMb = 10240;

    public const int LambdaMaxTimeoutSeconds = 900;

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var resource in context.Plan.Resources)
        {
            var name = Shown.Text(resource.Name);
            if (resource.Kind == ResourceKind.LambdaFunction)
            {
                if (resource.MemoryMb is { } memory and (< LambdaMinMemoryMb or > LambdaMaxMemoryMb))
                {
                    diagnostics.Add(DiagnosticCatalog.LambdaMemoryOutOfRange, resource.Location, name, memory);
                }
                if (resource.TimeoutSeconds is { } timeout and (< 1 or > LambdaMaxTimeoutSeconds))
                {
                    diagnostics.Add(DiagnosticCatalog.LambdaTimeoutOutOfRange, resource.Location, name, timeout);
                }
            }
            else if (resource.Kind is ResourceKind.FargateService or ResourceKind.FargateTask
                && resource.Cpu is { } cpu && resource.MemoryMb is { } memory && !IsFargateSize(cpu, memory))
            {
                diagnostics.Add(DiagnosticCatalog.FargateCpuMemoryInvalid, resource.Location, name, cpu, memory);
            }
        }
    }

    /// <summary>True for a CPU/memory pair Fargate offers (Linux tasks).</summary>
    public static bool IsFargateSize(int cpu, int memoryMb) => cpu switch
    {
        256 => memoryMb is 512 or 1024 or 2048,
        512 => InSteps(memoryMb, 1024, 4096, 1024),
        1024 => InSteps(memoryMb, 2048, 8192, 1024),
        2048 => InSteps(memoryMb, 4096, 16384, 1024),
        4096 => InSteps(memoryMb, 8192, 30720, 1024),
        8192 => InSteps(memoryMb, 16384, 61440, 4096),
        16384 => InSteps(memoryMb, 32768, 122880, 8192),
        _ => false,
    };

    private static bool InSteps(int value, int min, int max, int step) => value >= min && value <= max && (value - min) % step == 0;
}
