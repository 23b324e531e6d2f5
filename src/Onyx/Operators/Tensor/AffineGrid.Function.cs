namespace Onyx.Operators;

internal static partial class AffineGrid
{
    /// <summary>
    /// The 2-D case is computed as 3-D with D = 1: theta [N, 2, 3] is padded to [N, 3, 4] (z row and column of the
    /// identity), a base grid of (x, y, z, 1) points spans [-1, 1] per axis (the pixel centres, or the corners with
    /// align_corners), theta maps each point and the result is [N, D, H, W, 3], or [N, H, W, 2] in 2-D. Which case
    /// applies is decided at run time from size's length, as the specification's body does.
    /// </summary>
    internal static FunctionBody BodyV20(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(20);
        string one = w.Scalar(1L), two = w.Scalar(2L), zero = w.Scalar(0L), four = w.Scalar(4L);
        string one1D = w.Ints(1), zero1D = w.Ints(0), minusOne = w.Scalar(-1L);
        string minusOneF = w.Op("CastLike", minusOne, "theta"), zeroF = w.Op("CastLike", zero, "theta");
        string oneF = w.Op("CastLike", one, "theta"), twoF = w.Op("CastLike", two, "theta");
        string pixelCentres = w.Op("Equal", w.Scalar(context.Attributes.Int("align_corners", 0)), zero);
        string is2D = w.Op("Equal", w.Op("Size", "size"), four);

        Attribute Then(Graph g) => Attribute.Create("then_branch", g);
        Attribute Else(Graph g) => Attribute.Create("else_branch", g);
        string[] ncdhw = w.Ops("If", [is2D], 5,
            Then(w.Branch("nchw", b =>
            {
                string[] parts = b.Ops("Split", ["size"], 4, Attribute.Create("num_outputs", 4L));
                return [parts[0], parts[1], b.Op("Identity", one1D), parts[2], parts[3]];
            })),
            Else(w.Branch("ncdhw", b => b.Ops("Split", ["size"], 5, Attribute.Create("num_outputs", 5L)))));
        (string n, string d, string h, string wd) = (ncdhw[0], ncdhw[2], ncdhw[3], ncdhw[4]);
        string size5D = w.Op("Concat", ncdhw, Attribute.Create("axis", 0L));

        string theta3D = w.Op("If", [is2D], Then(w.Branch("pad_theta", b => [PaddedTheta(b, n, oneF)])),
            Else(w.Branch("theta", b => [b.Op("Identity", "theta")])));

        string two1D = w.Ints(2), three1D = w.Ints(3), five1D = w.Ints(5);
        string zerosDhw = w.Op("CastLike", w.Op("ConstantOfShape", w.Op("Slice", size5D, two1D, five1D)), "theta");
        string onesDhw = w.Op("Add", zerosDhw, oneF);
        string dF = w.Op("CastLike", d, zeroF), hF = w.Op("CastLike", h, zeroF), wF = w.Op("CastLike", wd, zeroF);
        string[] startsAndSteps = w.Ops("If", [pixelCentres], 6,
            Then(w.Branch("centres", b =>
            {
                // Pixel centres: step 2 / size, first point -1 + step / 2.
                string stepD = b.Op("Div", twoF, dF), stepH = b.Op("Div", twoF, hF), stepW = b.Op("Div", twoF, wF);
                string Start(string step) => b.Op("Add", minusOneF, b.Op("Div", step, twoF));
                return [Start(stepD), stepD, Start(stepH), stepH, Start(stepW), stepW];
            })),
            Else(w.Branch("corners", b =>
            {
                // Corners: step 2 / (size - 1), first point -1; a single depth slice gets step 0.
                string dLess = b.Op("Sub", dF, oneF), hLess = b.Op("Sub", hF, oneF), wLess = b.Op("Sub", wF, oneF);
                string stepD = b.Op("If", [b.Op("Equal", d, one)],
                    Then(b.Branch("single_slice", c => [c.Op("Identity", zeroF)])),
                    Else(b.Branch("slices", c => [c.Op("Div", twoF, dLess)])));
                string stepH = b.Op("Div", twoF, hLess), stepW = b.Op("Div", twoF, wLess);
                return [b.Op("Identity", minusOneF), stepD, b.Op("Identity", minusOneF), stepH, b.Op("Identity", minusOneF), stepW];
            })));
        string Axis(string length, string start, string step) =>
            w.Op("Add", start, w.Op("Mul", w.Op("CastLike", w.Op("Range", zero, length, one), step), step));
        string xs = Axis(wd, startsAndSteps[4], startsAndSteps[5]);
        string ys = Axis(h, startsAndSteps[2], startsAndSteps[3]);
        string zs = Axis(d, startsAndSteps[0], startsAndSteps[1]);
        string Along(string values, long[] toLast, long[] back) =>
            w.Op("Transpose", [w.Op("Add", w.Op("Transpose", [zerosDhw], Attribute.Create("perm", toLast)), values)], Attribute.Create("perm", back));
        string gridZ = Along(zs, [1, 2, 0], [2, 0, 1]);
        string gridY = Along(ys, [0, 2, 1], [0, 2, 1]);
        string gridX = w.Op("Add", xs, zerosDhw);
        string points = w.Op("Concat", [w.Op("Unsqueeze", gridX, minusOne), w.Op("Unsqueeze", gridY, minusOne),
            w.Op("Unsqueeze", gridZ, minusOne), w.Op("Unsqueeze", onesDhw, minusOne)], Attribute.Create("axis", -1L));
        string pointsT = w.Op("Transpose", w.Op("Reshape", points, w.Ints(-1, 4)));
        string mapped = w.Op("MatMul", theta3D, w.Op("CastLike", pointsT, theta3D));
        string mappedT = w.Op("Transpose", [mapped], Attribute.Create("perm", new[] { 0L, 2, 1 }));
        string shape = w.Op("Concat", [n, d, h, wd, three1D], Attribute.Create("axis", -1L));
        string grid3D = w.Op("CastLike", w.Op("Reshape", mappedT, shape), theta3D);
        w.Output("grid", w.Op("If", [is2D],
            Then(w.Branch("grid_2d", b => [b.Op("Slice", b.Op("Squeeze", grid3D, one1D), zero1D, two1D, three1D)])),
            Else(w.Branch("grid_3d", b => [b.Op("Identity", grid3D)]))));
        return w.ToBody();
    }

    /// <summary>theta [N, 2, 3] as [N, 3, 4]: rows (r11, r12, 0, t1), (r21, r22, 0, t2), (0, 0, 1, 0).</summary>
    private static string PaddedTheta(FunctionBodyWriter b, string n, string oneF)
    {
        // Gathering columns (0, 1, 2, 0, 1, 2) keeps shape inference working when theta is already [N, 3, 4].
        string indices = b.Op("Reshape", b.Ints(0, 1, 2, 0, 1, 2), b.Ints(2, 3));
        string shapeN23 = b.Op("Concat", [n, b.Ints(2, 3)], Attribute.Create("axis", 0L));
        string theta = b.Op("GatherElements", ["theta", b.Op("Expand", indices, shapeN23)], Attribute.Create("axis", 2L));
        string[] rows = b.Ops("Split", [theta], 2, Attribute.Create("axis", 1L), Attribute.Create("num_outputs", 2L));
        string[] first = b.Ops("Split", [b.Op("Squeeze", rows[0])], 3, Attribute.Create("axis", 1L), Attribute.Create("num_outputs", 3L));
        string[] second = b.Ops("Split", [b.Op("Squeeze", rows[1])], 3, Attribute.Create("axis", 1L), Attribute.Create("num_outputs", 3L));
        string zeros = b.Op("CastLike", b.Op("ConstantOfShape", b.Op("Shape", second[0])), "theta");
        string ones = b.Op("Add", zeros, oneF);
        string one1D = b.Ints(1);
        string RowAt(params string[] parts) => b.Op("Unsqueeze", b.Op("Concat", parts, Attribute.Create("axis", 1L)), one1D);
        return b.Op("Concat", [RowAt(first[0], first[1], zeros, first[2]), RowAt(second[0], second[1], zeros, second[2]), RowAt(zeros, zeros, ones, zeros)],
            Attribute.Create("axis", 1L));
    }
}
