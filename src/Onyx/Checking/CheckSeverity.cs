namespace Onyx;

/// <summary>How serious a <see cref="CheckProblem"/> is.</summary>
public enum CheckSeverity
{
    /// <summary>The model breaks a rule of the ONNX specification; it is invalid.</summary>
    Error,
    /// <summary>The model is valid, but part of it could not be checked or looks suspicious.</summary>
    Warning,
}
