using System.CommandLine;
using SocialDesk;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Operations;
using SocialDesk.Features.Tracker;
using SocialDesk.Features.Triage;

var root = new RootCommand("SocialDesk: social customer service. With no verb, runs the server.")
{
    TreatUnmatchedTokensAsErrors = false,
};
var serve = new Command("serve", "Runs the web app, the API and the workers (URLs from ASPNETCORE_URLS).")
{
    TreatUnmatchedTokensAsErrors = false,
};
root.SetAction(async (parse, cancel) =>
{
    // Host settings (--urls, --Key=value) pass through to the server; a stray word is a verb that does not exist.
    if (parse.UnmatchedTokens is [var first, ..] && !first.StartsWith('-'))
    {
        await Console.Error.WriteLineAsync($"'{first}' is not a verb of socialdesk; see socialdesk --help.");
        return 2;
    }

    return await SocialDeskServer.RunAsync([.. parse.UnmatchedTokens], cancel);
});
serve.SetAction((parse, cancel) => SocialDeskServer.RunAsync([.. parse.UnmatchedTokens], cancel));
root.Subcommands.Add(serve);
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(TrackCommand.Create());
root.Subcommands.Add(BackupCommand.Create());
root.Subcommands.Add(TriageCommands.Train());
root.Subcommands.Add(TriageCommands.Triage());
root.Subcommands.Add(TriageCommands.Evaluate());

// No response files: '@' starts a handle here (--brand @AmazonHelp), not a file name.
return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });

/// <summary>The entry point, named for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
