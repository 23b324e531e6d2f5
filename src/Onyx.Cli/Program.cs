using System.CommandLine;
using Onyx.Cli.Commands;

var root = new RootCommand("onyx: read, check and inspect ONNX models.")
{
    InfoCommand.Create(),
};
return root.Parse(args).Invoke();
