using System.CommandLine;
using SocialDesk;
using SocialDesk.Features.Ingestion;

var root = new RootCommand("SocialDesk: social customer service. With no verb, runs the server.")
{
    TreatUnmatchedTokensAsErrors = false,
};
var serve = new Command("serve", "Runs the web app, the API and the workers (URLs from ASPNETCORE_URLS).")
{
    TreatUnmatchedTokensAsErrors = false,
};
root.SetAction((parse, cancel) => SocialDeskServer.RunAsync([.. parse.UnmatchedTokens], cancel));
serve.SetAction((parse, cancel) => SocialDeskServer.RunAsync([.. parse.UnmatchedTokens], cancel));
root.Subcommands.Add(serve);
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(SocialDesk.Features.Triage.TriageCommands.Train());
root.Subcommands.Add(SocialDesk.Features.Triage.TriageCommands.Triage());
root.Subcommands.Add(SocialDesk.Features.Triage.TriageCommands.Evaluate());
root.Subcommands.Add(SocialDesk.Features.Tracker.TrackCommand.Create());

return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });

/// <summary>The entry point, named for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
