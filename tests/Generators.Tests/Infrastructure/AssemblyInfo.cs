using ApprovalTests.Reporters;
using Xunit;

// Snapshot failures must never start a diff tool: CI has no UI, and locally the received file next to the approved one is enough.
[assembly: UseReporter(typeof(QuietReporter))]

// Tests change CultureInfo.CurrentCulture and compile in memory on a 2-core machine; running them one at a time keeps both predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
