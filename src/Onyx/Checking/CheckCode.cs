namespace Onyx;

/// <summary>
/// What a <see cref="CheckProblem"/> is about. The numbers are stable: a code keeps its number across releases and a
/// removed code's number is never reused. <see cref="CheckCodes.Id"/> gives each code a stable text id such as
/// <c>ONYX-C025</c> and <see cref="CheckCodes.Name"/> a short name such as <c>undefined-input</c>.
/// </summary>
public enum CheckCode
{
    /// <summary><c>ONYX-C001 ir-version-missing</c>: the model's IR version is not set (zero or negative).</summary>
    IrVersionMissing = 1,
    /// <summary><c>ONYX-C002 ir-version-unsupported</c>: the IR version is newer than Onyx knows (<see cref="Model.LatestIrVersion"/>).</summary>
    IrVersionUnsupported = 2,
    /// <summary><c>ONYX-C003 needs-newer-ir</c>: the model uses a feature (functions, sparse initializers, a data type, …) its IR version predates.</summary>
    FeatureNeedsNewerIrVersion = 3,
    /// <summary><c>ONYX-C004 opset-import-before-ir3</c>: a model of IR version 1 or 2 imports operator sets, which arrived with IR version 3.</summary>
    OpsetImportBeforeIrVersion3 = 4,
    /// <summary><c>ONYX-C005 opset-import-missing</c>: a model of IR version 3 or later imports no operator set.</summary>
    OpsetImportMissing = 5,
    /// <summary><c>ONYX-C006 duplicate-opset-domain</c>: a domain is imported twice (<c>""</c> and <c>ai.onnx</c> are one domain).</summary>
    DuplicateOpsetDomain = 6,
    /// <summary><c>ONYX-C007 opset-version-out-of-range</c>: an imported version is below 1 or above the newest version of a known domain.</summary>
    OpsetVersionOutOfRange = 7,
    /// <summary><c>ONYX-C008 duplicate-metadata-key</c>: the model's metadata repeats a key.</summary>
    DuplicateMetadataKey = 8,

    /// <summary><c>ONYX-C020 empty-name</c>: a graph, value, initializer, attribute, function or operator type has no name.</summary>
    EmptyName = 20,
    /// <summary><c>ONYX-C021 duplicate-input</c>: two inputs of one graph (or function) share a name.</summary>
    DuplicateGraphInput = 21,
    /// <summary><c>ONYX-C022 duplicate-initializer</c>: two initializers (dense or sparse) of one graph share a name.</summary>
    DuplicateInitializer = 22,
    /// <summary><c>ONYX-C023 initializer-not-input</c>: in IR version 3 and earlier an initializer must also be a graph input.</summary>
    InitializerNotInput = 23,
    /// <summary><c>ONYX-C024 initializer-input-mismatch</c>: an initializer and the graph input of the same name differ in element type or shape.</summary>
    InitializerInputMismatch = 24,
    /// <summary><c>ONYX-C025 undefined-input</c>: a node input names no graph input, initializer, earlier node output or visible outer value.</summary>
    UndefinedInput = 25,
    /// <summary><c>ONYX-C026 not-topological</c>: a node input is produced by a later node (a cycle or a wrong order), or a subgraph uses an outer value defined after its node.</summary>
    NotTopologicallySorted = 26,
    /// <summary><c>ONYX-C027 duplicate-output</c>: two node outputs share a name (single static assignment).</summary>
    DuplicateNodeOutput = 27,
    /// <summary><c>ONYX-C028 output-redefines-value</c>: a node output has the name of a graph input, an initializer or a value of an enclosing graph.</summary>
    OutputRedefinesValue = 28,
    /// <summary><c>ONYX-C029 duplicate-graph-output</c>: a graph (or function) lists one output name twice.</summary>
    DuplicateGraphOutput = 29,
    /// <summary><c>ONYX-C030 undefined-graph-output</c>: a graph (or function) output is not defined in that graph.</summary>
    UndefinedGraphOutput = 30,
    /// <summary><c>ONYX-C031 shadows-outer-value</c>: a subgraph input or initializer has the name of a value visible from an enclosing graph.</summary>
    ShadowsOuterValue = 31,
    /// <summary><c>ONYX-C032 value-type-incomplete</c>: a main-graph input or output lacks a type, an element type or a shape.</summary>
    ValueTypeIncomplete = 32,
    /// <summary><c>ONYX-C033 empty-node</c>: a node has neither inputs nor outputs.</summary>
    EmptyNode = 33,

    /// <summary><c>ONYX-C040 domain-not-imported</c>: a node's domain is not among the operator sets of its model or function.</summary>
    DomainNotImported = 40,
    /// <summary><c>ONYX-C041 unknown-operator</c>: no schema of a standard domain and no model-local function defines the node's operator.</summary>
    UnknownOperator = 41,
    /// <summary><c>ONYX-C042 unchecked-operator</c> (warning): an operator of a custom domain has no schema or function, so its node is not checked.</summary>
    UncheckedOperator = 42,
    /// <summary><c>ONYX-C043 deprecated-operator</c>: the operator was removed in the imported version of its domain.</summary>
    DeprecatedOperator = 43,
    /// <summary><c>ONYX-C044 too-few-inputs</c>: fewer inputs than the schema requires.</summary>
    TooFewInputs = 44,
    /// <summary><c>ONYX-C045 too-many-inputs</c>: more inputs than the schema (or function) declares.</summary>
    TooManyInputs = 45,
    /// <summary><c>ONYX-C046 too-few-outputs</c>: fewer outputs than the schema requires.</summary>
    TooFewOutputs = 46,
    /// <summary><c>ONYX-C047 too-many-outputs</c>: more outputs than the schema (or function) declares.</summary>
    TooManyOutputs = 47,
    /// <summary><c>ONYX-C048 required-value-empty</c>: an input or output the schema marks single (not optional) is left empty.</summary>
    RequiredValueEmpty = 48,
    /// <summary><c>ONYX-C049 duplicate-attribute</c>: a node sets one attribute twice.</summary>
    DuplicateAttribute = 49,
    /// <summary><c>ONYX-C050 unknown-attribute</c>: the schema (or function) has no attribute of that name.</summary>
    UnknownAttribute = 50,
    /// <summary><c>ONYX-C051 missing-required-attribute</c>: a required attribute is not set.</summary>
    MissingRequiredAttribute = 51,
    /// <summary><c>ONYX-C052 attribute-type-mismatch</c>: the attribute's type differs from the schema's.</summary>
    AttributeTypeMismatch = 52,
    /// <summary><c>ONYX-C053 attribute-malformed</c>: the attribute has no type, or its value fields do not match its type.</summary>
    AttributeMalformed = 53,
    /// <summary><c>ONYX-C054 ref-attr-outside-function</c>: an attribute refers to a caller's attribute outside a function body.</summary>
    RefAttributeOutsideFunction = 54,
    /// <summary><c>ONYX-C055 type-not-allowed</c>: a value's known type is not one the schema's type constraint allows.</summary>
    TypeConstraintViolation = 55,
    /// <summary><c>ONYX-C056 type-variable-mismatch</c>: values bound to one type variable have different types.</summary>
    TypeVariableMismatch = 56,

    /// <summary><c>ONYX-C070 duplicate-function</c>: two model-local functions share domain, name and overload.</summary>
    DuplicateFunction = 70,
    /// <summary><c>ONYX-C071 recursive-function</c>: model-local functions call themselves, directly or through others.</summary>
    RecursiveFunction = 71,
    /// <summary><c>ONYX-C072 function-opset-mismatch</c>: a function imports a domain at a version whose schema for a body node differs from the model's.</summary>
    FunctionOpsetMismatch = 72,
    /// <summary><c>ONYX-C073 function-signature-invalid</c>: a function repeats an input, output or attribute name.</summary>
    FunctionSignatureInvalid = 73,

    /// <summary><c>ONYX-C090 tensor-type-undefined</c>: a tensor's data type is UNDEFINED or not a TensorProto.DataType.</summary>
    TensorDataTypeUndefined = 90,
    /// <summary><c>ONYX-C091 tensor-dims-invalid</c>: a tensor has a negative dimension, its element count overflows, or its segment lies outside it.</summary>
    TensorDimsInvalid = 91,
    /// <summary><c>ONYX-C092 tensor-size-mismatch</c>: the payload (raw data, typed values or strings) does not hold dims × element type.</summary>
    TensorPayloadSizeMismatch = 92,
    /// <summary><c>ONYX-C093 sparse-tensor-invalid</c>: a sparse tensor's values, indices and dense shape disagree.</summary>
    SparseTensorInvalid = 93,
    /// <summary><c>ONYX-C094 external-data-invalid</c>: external data entries are missing or malformed, or the tensor also has inline values.</summary>
    ExternalDataInvalid = 94,
    /// <summary><c>ONYX-C095 external-data-escapes</c>: an external data location is absolute, contains <c>..</c>, is a symbolic link or resolves outside the model's folder.</summary>
    ExternalDataEscapes = 95,
    /// <summary><c>ONYX-C096 external-data-unreadable</c>: the external file is missing, hard-linked, or the offset and length do not lie inside it.</summary>
    ExternalDataUnreadable = 96,

    /// <summary><c>ONYX-C120 shape-inference</c>: strict shape inference (full check) found an inconsistency.</summary>
    ShapeInference = 120,
}

/// <summary>The stable text id, short name and severity of each <see cref="CheckCode"/>.</summary>
public static class CheckCodes
{
    /// <summary>The stable text id, e.g. <c>ONYX-C025</c>.</summary>
    public static string Id(this CheckCode code) => $"ONYX-C{(int)code:D3}";

    /// <summary>The stable short name, e.g. <c>undefined-input</c>.</summary>
    public static string Name(this CheckCode code) => code switch
    {
        CheckCode.IrVersionMissing => "ir-version-missing",
        CheckCode.IrVersionUnsupported => "ir-version-unsupported",
        CheckCode.FeatureNeedsNewerIrVersion => "needs-newer-ir",
        CheckCode.OpsetImportBeforeIrVersion3 => "opset-import-before-ir3",
        CheckCode.OpsetImportMissing => "opset-import-missing",
        CheckCode.DuplicateOpsetDomain => "duplicate-opset-domain",
        CheckCode.OpsetVersionOutOfRange => "opset-version-out-of-range",
        CheckCode.DuplicateMetadataKey => "duplicate-metadata-key",
        CheckCode.EmptyName => "empty-name",
        CheckCode.DuplicateGraphInput => "duplicate-input",
        CheckCode.DuplicateInitializer => "duplicate-initializer",
        CheckCode.InitializerNotInput => "initializer-not-input",
        CheckCode.InitializerInputMismatch => "initializer-input-mismatch",
        CheckCode.UndefinedInput => "undefined-input",
        CheckCode.NotTopologicallySorted => "not-topological",
        CheckCode.DuplicateNodeOutput => "duplicate-output",
        CheckCode.OutputRedefinesValue => "output-redefines-value",
        CheckCode.DuplicateGraphOutput => "duplicate-graph-output",
        CheckCode.UndefinedGraphOutput => "undefined-graph-output",
        CheckCode.ShadowsOuterValue => "shadows-outer-value",
        CheckCode.ValueTypeIncomplete => "value-type-incomplete",
        CheckCode.EmptyNode => "empty-node",
        CheckCode.DomainNotImported => "domain-not-imported",
        CheckCode.UnknownOperator => "unknown-operator",
        CheckCode.UncheckedOperator => "unchecked-operator",
        CheckCode.DeprecatedOperator => "deprecated-operator",
        CheckCode.TooFewInputs => "too-few-inputs",
        CheckCode.TooManyInputs => "too-many-inputs",
        CheckCode.TooFewOutputs => "too-few-outputs",
        CheckCode.TooManyOutputs => "too-many-outputs",
        CheckCode.RequiredValueEmpty => "required-value-empty",
        CheckCode.DuplicateAttribute => "duplicate-attribute",
        CheckCode.UnknownAttribute => "unknown-attribute",
        CheckCode.MissingRequiredAttribute => "missing-required-attribute",
        CheckCode.AttributeTypeMismatch => "attribute-type-mismatch",
        CheckCode.AttributeMalformed => "attribute-malformed",
        CheckCode.RefAttributeOutsideFunction => "ref-attr-outside-function",
        CheckCode.TypeConstraintViolation => "type-not-allowed",
        CheckCode.TypeVariableMismatch => "type-variable-mismatch",
        CheckCode.DuplicateFunction => "duplicate-function",
        CheckCode.RecursiveFunction => "recursive-function",
        CheckCode.FunctionOpsetMismatch => "function-opset-mismatch",
        CheckCode.FunctionSignatureInvalid => "function-signature-invalid",
        CheckCode.TensorDataTypeUndefined => "tensor-type-undefined",
        CheckCode.TensorDimsInvalid => "tensor-dims-invalid",
        CheckCode.TensorPayloadSizeMismatch => "tensor-size-mismatch",
        CheckCode.SparseTensorInvalid => "sparse-tensor-invalid",
        CheckCode.ExternalDataInvalid => "external-data-invalid",
        CheckCode.ExternalDataEscapes => "external-data-escapes",
        CheckCode.ExternalDataUnreadable => "external-data-unreadable",
        CheckCode.ShapeInference => "shape-inference",
        _ => "unknown",
    };

    /// <summary>Whether a problem of this code makes a model invalid (<see cref="CheckSeverity.Error"/>) or only deserves attention.</summary>
    public static CheckSeverity Severity(this CheckCode code) =>
        code == CheckCode.UncheckedOperator ? CheckSeverity.Warning : CheckSeverity.Error;
}
