using System.CommandLine;
using Onyx.Cli.Commands;

var root = new RootCommand("onyx: read, check, infer and inspect ONNX models.")
{
    InfoCommand.Create(),
    CheckCommand.Create(),
    RunCommand.Create(),
    TestCommand.Create(),
    InferShapesCommand.Create(),
    OpsCommand.Create(),
    BenchCommand.Create(),
    OptimizeCommand.Create(),
};
return root.Parse(args).Invoke();
