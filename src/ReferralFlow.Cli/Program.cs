return await ReferralFlow.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
