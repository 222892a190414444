namespace ProdServer.Config;

/// <summary>
/// A problem a rule across processes found (<see cref="DependencyCheck"/>, <see cref="CeleryBeatUniqueness"/>), and the
/// process it belongs to. A class rather than a tuple: validation runs on a first start before the host, where sequences
/// of a value type are generic code the JIT compiles on the spot.
/// </summary>
/// <param name="Process">The process whose setting it is.</param>
/// <param name="Problem">The setting and the message.</param>
internal sealed record ProcessProblem(ProcessDefinition Process, SettingProblem Problem);
