using System.CommandLine;
using Onyx.Runtime;

namespace Onyx.Cli.Commands;

/// <summary>The <c>--level</c> option of the commands that prepare a session: a <see cref="GraphOptimizationLevel"/> by a lower-case name.</summary>
internal static class OptimizationLevelOption
{
    /// <summary>An option accepting <paramref name="names"/> (of none, basic, extended, all), default all.</summary>
    public static Option<string> Create(string description, params string[] names)
    {
        var level = new Option<string>("--level") { Description = description, DefaultValueFactory = _ => "all" };
        level.AcceptOnlyFromAmong(names);
        return level;
    }

    public static GraphOptimizationLevel Parse(string name) => name switch
    {
        "none" => GraphOptimizationLevel.DisableAll,
        "basic" => GraphOptimizationLevel.Basic,
        "extended" => GraphOptimizationLevel.Extended,
        _ => GraphOptimizationLevel.All,
    };
}
