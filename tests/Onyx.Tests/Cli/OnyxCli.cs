using System.CommandLine;
using Onyx.Cli.Commands;

namespace Onyx.Tests.Cli;

/// <summary>Runs the <c>onyx</c> commands in process, capturing what they print.</summary>
internal static class OnyxCli
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { InfoCommand.Create(), CheckCommand.Create(), InferShapesCommand.Create(), OpsCommand.Create(), RunCommand.Create(), TestCommand.Create(), BenchCommand.Create(), OptimizeCommand.Create() };
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
