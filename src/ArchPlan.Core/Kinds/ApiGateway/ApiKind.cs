using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;

namespace ArchPlan.Kinds.ApiGateway;

/// <summary>
/// An API Gateway REST API or HTTP API. Each route the plan names ("POST /webhooks") becomes a method integrated with
/// the function that serves it (named beside the route, else the one function the API fronts); without routes the API
/// proxies every path to the function it fronts. An API that fronts no function still exists, with a placeholder
/// integration, and the user is told.
/// </summary>
/// <remarks>Attributes: <c>Route</c> ("POST /orders", or "POST /orders@function-name" when the plan names the function
/// beside the route; many).</remarks>
internal sealed partial class ApiKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.RestApi, ResourceKind.HttpApi];

    public override string Suffix => "Api";

    public override string Title => "API";

    public override string TitleOf(ResourceKind kind) => kind == ResourceKind.HttpApi ? "HTTP API" : "REST API";

    public override BuildPhase Phase => BuildPhase.Api;

    public override IReadOnlyList<string> KindWords { get; } = ["api", "endpoint", "endpoints", "public", "gateway", "routes", "route", "in front of", "fronts", "fronting", "proxy", "exposes", "https"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("Route", RouteWords(), m => m["method"].ToUpperInvariant() + " " + m["path"].TrimEnd('.', ',', ';') + (m.Has("target") ? "@" + m["target"] : ""), Many: true),
        new("Auth", IamAuthWords(), _ => "IAM"),
        new("Auth", AuthorizerWords(), _ => "AUTHORIZER"),
        new("Auth", PublicWords(), _ => "NONE"),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var isHttp = node.Kind == ResourceKind.HttpApi;
        var id = IStackContext.IdOf(node.Member);
        var open = node.Attribute("Auth")?.Value == "NONE";
        var routes = node.Attributes("Route").ToList();
        var statements = new List<Cs>();
        var functions = stack.Nodes.Where(n => n.IsLambda).ToList();
        Cs? defaultIntegration = null;

        foreach (var route in routes)
        {
            var at = route.Value.IndexOf('@', StringComparison.Ordinal);
            var spec = at < 0 ? route.Value : route.Value[..at];
            var target = at < 0 ? null : route.Value[(at + 1)..];
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var (method, path) = (spec[..space], spec[(space + 1)..]);
            var function = target is null ? null : functions.FirstOrDefault(f => Matches(f, target));
            function ??= node.FrontedFunction;
            if (function is null)
            {
                stack.Report(DiagnosticCatalog.GenerationRouteWithoutFunction, route.Location, node.Name, spec,
                    functions.Count == 0 ? "the plan has no Lambda function" : "candidates: " + string.Join(", ", functions.Select(f => $"'{f.Name}'")));
            }
            statements.Add(isHttp ? HttpRoute(node, stack, method, path, function) : RestRoute(node, method, path, function));
        }

        if (routes.Count == 0)
        {
            if (node.FrontedFunction is { } fronted)
            {
                if (isHttp)
                {
                    defaultIntegration = HttpIntegration(stack, id, fronted);
                }
                else
                {
                    statements.Add(Cs.Call(node.Member + ".Root.AddMethod", Cs.String("ANY"), Cs.New("RestApis::LambdaIntegration", Cs.Name(fronted.Member))));
                    statements.Add(Cs.Call(node.Member + ".Root.AddProxy", Cs.New("RestApis::ProxyResourceOptions")
                        .With("DefaultIntegration", Cs.New("RestApis::LambdaIntegration", Cs.Name(fronted.Member)))
                        .With("AnyMethod", Cs.Bool(true))));
                }
            }
            else
            {
                stack.Report(DiagnosticCatalog.GenerationApiWithoutFunction, node.Resource.Location, node.Name);
                stack.Note($"API {node.Name} fronts no function of the plan: it answers every request with a placeholder (HTTP 501 for REST, no route for HTTP).");
                if (!isHttp)
                {
                    statements.Add(RestRoute(node, "ANY", "/", null));
                }
            }
        }

        // Access logs to a log group of the API's own (cdk-nag AwsSolutions-APIG1); a REST API also logs errors
        // (APIG6), traces with X-Ray and validates requests (APIG2).
        var accessLogs = Cs.New("Logs::LogGroup", Cs.Name("this"), Cs.String(id + "AccessLogs"), Cs.New("Logs::LogGroupProps")
            .With("Retention", Cs.Name("Logs::RetentionDays.ONE_YEAR")));
        if (isHttp)
        {
            statements.Add(Cs.Call("LogAccess", Cs.Name(node.Member), accessLogs));
        }
        else
        {
            statements.Add(Cs.Call(node.Member + ".AddRequestValidator", Cs.String(id + "RequestValidator"), Cs.New("RestApis::RequestValidatorOptions")
                .With("ValidateRequestBody", Cs.Bool(true))
                .With("ValidateRequestParameters", Cs.Bool(true))));
        }
        var creation = isHttp
            ? Cs.New("HttpApis::HttpApi", Cs.Name("this"), Cs.String(id), Cs.New("HttpApis::HttpApiProps")
                .With("DefaultIntegration", defaultIntegration, when: defaultIntegration is not null)
                .With("DefaultAuthorizer", Cs.New("HttpAuthorizers::HttpIamAuthorizer"), when: !open))
            : Cs.New("RestApis::RestApi", Cs.Name("this"), Cs.String(id), Cs.New("RestApis::RestApiProps")
                .With("RestApiName", Cs.String(node.Name))
                .With("DefaultMethodOptions", Cs.New("RestApis::MethodOptions").With("AuthorizationType", Cs.Name("RestApis::AuthorizationType.IAM")), when: !open)
                .With("DeployOptions", Cs.New("RestApis::StageOptions")
                    .With("StageName", Cs.String("prod"))
                    .With("AccessLogDestination", Cs.New("RestApis::LogGroupLogDestination", accessLogs))
                    .With("AccessLogFormat", Cs.Call("RestApis::AccessLogFormat.Clf"))
                    .With("LoggingLevel", Cs.Name("RestApis::MethodLoggingLevel.ERROR"))
                    .With("TracingEnabled", Cs.Bool(true))));
        stack.Add(node, node.Member, isHttp ? "HttpApis::HttpApi" : "RestApis::RestApi", creation, statements);
        stack.SecureDefault("APIs: access logs go to a log group of the API's own, kept one year; REST APIs also log errors, trace with X-Ray and validate request bodies and parameters.");

        // Who may call the API. Open only when the plan says so ("public", "no auth"): acknowledged on every method or
        // route with the plan's words and line. Otherwise every route requires IAM (SigV4-signed) requests, the secure
        // default; an authorizer the plan names (Cognito, JWT, Lambda) cannot be generated without its issuer or
        // pool, so IAM stands in and the user is told (cdk-nag AwsSolutions-APIG4, COG4).
        var line = node.Resource.Location.Line;
        var auth = node.Attribute("Auth");
        if (auth?.Value == "NONE")
        {
            var reason = $"The plan (line {auth.Location.Line}) says API {IStackContext.IdOf(node.Member)} is open to callers: its routes take no authorization. Add an authorizer (IAM, Cognito, JWT) in the stack's .cs file when callers must sign in.";
            stack.Acknowledge(node, node.Member, isHttp ? "AWS::ApiGatewayV2::Route" : "AWS::ApiGateway::Method", "AwsSolutions-APIG4", reason, auth.Location.Line);
            if (!isHttp)
            {
                stack.Acknowledge(node, node.Member, "AWS::ApiGateway::Method", "AwsSolutions-COG4", reason, auth.Location.Line);
            }
            return;
        }
        if (auth is null)
        {
            stack.Report(DiagnosticCatalog.GenerationApiIamDefault, node.Resource.Location, node.Name);
            stack.Note($"API {node.Name} requires IAM (SigV4-signed) requests: the plan does not say who calls it. Write 'public' in its list item to open it, or add an authorizer in the stack's .cs file.");
        }
        else if (auth.Value == "AUTHORIZER")
        {
            stack.NotGenerated(node, auth.Phrase, "the authorizer's issuer, audience or user pool is not in the plan; every route requires IAM (SigV4-signed) requests until you add the authorizer in the stack's .cs file");
        }
        if (!isHttp)
        {
            stack.Acknowledge(node, node.Member, "AWS::ApiGateway::Method", "AwsSolutions-COG4",
                $"API {IStackContext.IdOf(node.Member)} (plan line {line}) requires IAM authorization; the plan names no Cognito user pool to sign callers in with.", line);
        }
        stack.SecureDefault("APIs: every route requires IAM (SigV4-signed) requests unless the plan says the API is public.");
    }

    /// <summary>True when a route's target names <paramref name="function"/> (the stack's circle check asks too).</summary>
    internal static bool Matches(Node function, string target) =>
        string.Equals(function.Name, target, StringComparison.OrdinalIgnoreCase)
        || Generation.Naming.Words.Squash(function.Name) == Generation.Naming.Words.Squash(target);

    private static Cs HttpIntegration(IStackContext stack, string apiId, Node function) =>
        Cs.New("HttpIntegrations::HttpLambdaIntegration", Cs.String(IStackContext.IdOf(stack.Claim(apiId + IStackContext.IdOf(function.Member) + "Integration"))), Cs.Name(function.Member));

    private static Cs HttpRoute(Node api, IStackContext stack, string method, string path, Node? function) =>
        Cs.Call(api.Member + ".AddRoutes", Cs.New("HttpApis::AddRoutesOptions")
            .With("Path", Cs.String(path))
            .With("Methods", Cs.Array("HttpApis::HttpMethod", [Cs.Name("HttpApis::HttpMethod." + method)]))
            .With("Integration", function is null
                ? Cs.New("HttpIntegrations::HttpUrlIntegration", Cs.String(IStackContext.IdOf(stack.Claim(IStackContext.IdOf(api.Member) + "Placeholder"))), Cs.String("https://example.com/not-implemented"))
                : HttpIntegration(stack, IStackContext.IdOf(api.Member), function)));

    private static Cs RestRoute(Node api, string method, string path, Node? function)
    {
        var resource = path is "/" or "" ? Cs.Name(api.Member + ".Root") : Cs.Call(api.Member + ".Root.ResourceForPath", Cs.String(path));
        Cs integration = function is null
            ? Cs.New("RestApis::MockIntegration", Cs.New("RestApis::IntegrationOptions")
                .With("IntegrationResponses", Cs.Array("RestApis::IntegrationResponse", [Cs.New("RestApis::IntegrationResponse").With("StatusCode", Cs.String("501"))]))
                .With("RequestTemplates", Cs.StringMap([("application/json", Cs.String("{\"statusCode\": 501}"))])))
            : Cs.New("RestApis::LambdaIntegration", Cs.Name(function.Member));
        return function is null
            ? Cs.CallOn(resource, "AddMethod", Cs.String(method), integration, Cs.New("RestApis::MethodOptions")
                .With("MethodResponses", Cs.Array("RestApis::MethodResponse", [Cs.New("RestApis::MethodResponse").With("StatusCode", Cs.String("501"))])))
            : Cs.CallOn(resource, "AddMethod", Cs.String(method), integration);
    }

    public override Access DefaultAccess => Access.Write;

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems) =>
        node.Kind == ResourceKind.HttpApi ? new(Cs.Name(node.Member + ".ApiEndpoint"), "API endpoint") : new(Cs.Name(node.Member + ".Url"), "API URL");

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) =>
        words.Contains("latency") || words.Contains("slow") ? new("MetricLatency", "latency", node.Member)
        : words.Contains("4xx") || words.Contains("client") ? new("MetricClientError", "4xx errors", node.Member)
        : new("MetricServerError", "5xx errors", node.Member);

    [GeneratedRegex(@"\b(?:IAM|SigV4|sig\s*v4|AWS_IAM)[\s-]*(?:auth\w*|signed|signing|signature)\b|\bsigned\s+with\s+(?:IAM|SigV4)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IamAuthWords();

    [GeneratedRegex(@"\b(?:cognito(?:\s+user\s+pool)?|JWT|OIDC|OAuth\s*2?|lambda\s+authori[sz]er|API\s+keys?)\b(?:\s+authori[sz](?:er|ation))?|\bauthori[sz]er\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizerWords();

    [GeneratedRegex(@"\bpublic(?:ly\s+(?:reachable|accessible|available|open))?\b(?!\s+(?:subnets?|ips?|keys?|certificates?|hosted\s+zones?|dns|ecr|repositor(?:y|ies)))|\bunauthenticated\b|\banonymous\b|\bno\s+(?:auth(?:entication|orization)?|authori[sz]er|sign-?in|login)\b|\bwithout\s+(?:auth(?:entication|orization)?|sign-?in|login)\b|\bopen\s+to\s+(?:the\s+)?(?:internet|public|world|everyone|anyone)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicWords();

    [GeneratedRegex(@"\b(?<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)\s+(?<path>/[\w{}./+:-]*)(?:\s*(?:→|->|=>|:|\(|—|–|-)?\s*(?:to\s+|handled\s+by\s+|served\s+by\s+|via\s+|by\s+|calls?\s+|invokes?\s+)?(?<target>[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)\)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex RouteWords();
}
