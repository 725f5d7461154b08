using Harness.Core.Checking;

namespace Harness.Reports;

/// <summary>One row of a trade-off page: a run (or the runs of one scenario variant over a seed), its verdict and
/// figures, and where its own report is.</summary>
public sealed record ComparisonRow(string Group, string Label, long Seed, Validity Verdict, IReadOnlyDictionary<string, double?> Figures, string? RunDirectory);

/// <summary>One claim on the page: whether it held and why (the expectations with their numbers).</summary>
public sealed record ComparisonClaim(string Group, string Claim, Validity Verdict, IReadOnlyList<string> Details, TimeSpan Elapsed);
