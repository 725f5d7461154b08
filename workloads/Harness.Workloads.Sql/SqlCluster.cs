namespace Harness.Workloads.Sql;

/// <summary>A SQL cluster as the shared clients see it: the engine's dialect and outcome classifier, where each
/// operation goes, and a connection string per node.</summary>
public sealed record SqlCluster(ISqlDialect Dialect, ISqlOutcomeClassifier Classifier, ISqlRouting Routing, Func<string, string> ConnectionString);
