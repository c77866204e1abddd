using ArchPlan.Cli;

return CliApp.Run(args, Console.Out, Console.Error, Terminal.FromConsole());
