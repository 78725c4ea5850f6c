using SocialDesk.Bench;

// Each benchmark prints the figures the README quotes: dotnet run -c Release --project bench/SocialDesk.Bench -- <name>
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingest"] = IngestionBench.RunAsync,
    ["tracker"] = TrackerBench.RunAsync,
    ["triage"] = TriageBench.RunAsync,
    ["reports"] = ReportsBench.RunAsync,
    ["sla-due-times"] = SlaBench.RunAsync,
    ["sla-pass"] = SlaPassBench.RunAsync,
    ["inbox"] = InboxBench.RunAsync,
    ["fuzz"] = FuzzBench.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: SocialDesk.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
