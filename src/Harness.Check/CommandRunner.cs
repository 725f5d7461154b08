using System.CommandLine;
using Harness.Core.Formats;

namespace Harness.Check;

/// <summary>Parses and runs a command line, mapping failures to Jepsen's exit codes: a parse error or bad input
/// (<see cref="UsageException"/>, an invalid spec, a malformed history, a missing file) is one line and 254; an I/O
/// failure (a full disk) is one line and 255; Ctrl-C cancels the verb and, pressed again, abandons it (130); anything
/// else is an internal error (255) with its stack trace. Shared by the full CLI and the lean check executable.</summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/>. <paramref name="special"/> maps the
    /// exceptions a front end knows better (the full CLI: Docker's) to an exit code, or returns null.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, Func<Exception, int?>? special = null)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine("harness: " + e.Message);
            Console.Error.WriteLine("See 'harness --help'.");
            return ExitCodes.BadInput;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("harness: interrupted; cleaning up (press Ctrl-C again to abandon)");
            if (cts.IsCancellationRequested) Environment.Exit(130);
            cts.Cancel();
        };
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token);
        }
        catch (Exception e) when (Unwrap(e) is OperationCanceledException && cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("harness: interrupted; the cluster was removed and everything recorded so far is in the store");
            return 130;
        }
        catch (Exception e)
        {
            var inner = Unwrap(e);
            if (special?.Invoke(inner) is { } code) return code;
            switch (inner)
            {
                case UsageException or Harness.Core.Modules.InvalidSpecException or HistoryFormatException or FileNotFoundException or DirectoryNotFoundException:
                    Console.Error.WriteLine("harness: " + inner.Message);
                    return ExitCodes.BadInput;
                case IOException io:
                    Console.Error.WriteLine("harness: " + io.Message); // a full disk, an unwritable store: the message names the path
                    return ExitCodes.InternalError;
                default:
                    Console.Error.WriteLine("harness: internal error: " + e);
                    return ExitCodes.InternalError;
            }
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerException: { } inner } ? Unwrap(inner) : e;
}
