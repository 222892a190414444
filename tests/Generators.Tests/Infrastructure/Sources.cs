namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>User code the tests compile: what a team would write for a server the library does not ship.</summary>
internal static class Sources
{
    /// <summary>The members of the hosting types the generated builder methods call, with the runtime library's signatures.</summary>
    public const string HostingStandIns = """
        using System;

        namespace ProdServer.Config;

        /// <summary>Stand-in.</summary>
        public abstract class ServerBackend<TArgs>
            where TArgs : class, IServerArgs, new();

        /// <summary>Stand-in.</summary>
        public sealed class WaitressBackend : ServerBackend<WaitressArgs>;

        /// <summary>Stand-in.</summary>
        public static partial class ServerBackends
        {
            /// <summary>Stand-in.</summary>
            public static WaitressBackend Waitress { get; } = new();
        }

        /// <summary>Stand-in.</summary>
        public sealed class ProcessBuilder
        {
            /// <summary>Stand-in.</summary>
            public string? App { get; private set; }

            /// <summary>Stand-in.</summary>
            public object? Args { get; private set; }

            /// <summary>Stand-in.</summary>
            public ProcessBuilder Use<TArgs>(ServerBackend<TArgs> backend, string app, Func<TArgs, TArgs>? configure = null)
                where TArgs : class, IServerArgs, new()
            {
                App = app;
                Args = configure is null ? new TArgs() : configure(new TArgs());
                return this;
            }

            /// <summary>Stand-in.</summary>
            public ProcessBuilder Use<TArgs>(ServerBackend<TArgs> backend, Func<TArgs, TArgs>? configure = null)
                where TArgs : class, IServerArgs, new() => Use(backend, string.Empty, configure);
        }

        /// <summary>Stand-in.</summary>
        public sealed class ProdServerBuilder
        {
            /// <summary>Stand-in.</summary>
            public const string DefaultProcessName = "web";

            /// <summary>Stand-in.</summary>
            public ProcessBuilder Process(string name) => new();
        }
        """;

    public const string MyServerArgs = """
        using System.Collections.Generic;
        using ProdServer.Config;

        namespace MyApp;

        /// <summary>How myserver schedules work.</summary>
        public enum Mode
        {
            /// <summary>Spelled from the member name: fast.</summary>
            Fast,
            /// <summary>Spelled as the server says.</summary>
            [ServerValue("slow-and-steady")] Careful,
            /// <summary>An acronym: http-only.</summary>
            HTTPOnly,
            /// <summary>An alias of <see cref="Careful"/>: accepted in configuration, never written.</summary>
            Steady = Careful,
        }

        /// <summary>Options of myserver.</summary>
        [ServerArgs("myserver")]
        [ArgAlias("max_size", "max-bytes")]
        [ArgAlias("ghost", "no-such-flag")]
        public sealed partial record MyServerArgs
        {
            /// <summary>Worker processes, from <c>1</c> to 64; see <see cref="Timeout"/>.</summary>
            [Flag("workers", Minimum = 1, Maximum = 64)]
            public int? Workers { get; init; }

            /// <summary>Reload on change.</summary>
            [Flag("reload", Boolean = BooleanStyle.Switch)]
            public bool? Reload { get; init; }

            /// <summary>Scheduling mode.</summary>
            [Flag("mode")]
            public Mode? Mode { get; init; }

            /// <summary>Seconds to wait.</summary>
            [Flag("timeout", Minimum = 0.5)]
            public double? Timeout { get; init; }

            /// <summary>Byte limit, accepted since release 2.0.</summary>
            [Flag("max-bytes", Since = "2.0")]
            public long? MaxBytes { get; init; }

            /// <summary>Negative-only switch.</summary>
            [Flag("sendfile", Boolean = BooleanStyle.NegativeSwitch)]
            public bool? Sendfile { get; init; }

            /// <summary>A boolean that takes a value, gone in release 3.1.</summary>
            [Flag("ws-deflate", Boolean = BooleanStyle.Value, Removed = "3.1")]
            public bool? WsDeflate { get; init; }

            /// <summary>Addresses, one flag each.</summary>
            [Flag("bind")]
            public IReadOnlyList<string>? Address { get; init; }

            /// <summary>Modes, joined with commas.</summary>
            [Flag("modes", Separator = ",")]
            public IReadOnlyList<Mode>? Modes { get; init; }

            /// <summary>Modes, one flag each.</summary>
            [Flag("fallback")]
            public IReadOnlyList<Mode>? Fallbacks { get; init; }

            /// <summary>A keyword as a property name, a quote in a flag name.</summary>
            [Flag("odd\"name")]
            public string? @event { get; init; }

            /// <summary>Anything newer.</summary>
            [ExtraArgs]
            public IReadOnlyList<string>? Extra { get; init; }

            /// <summary>What to serve, after every option.</summary>
            [PositionalArgs]
            public IReadOnlyList<string>? Targets { get; init; }
        }
        """;

    public const string NestedGeneric = """
        using ProdServer.Config;

        /// <summary>A containing type in the global namespace.</summary>
        public static partial class Servers
        {
            /// <summary>A generic record nested in a generic type.</summary>
            public partial class Family<TTag>
            {
                /// <summary>Options.</summary>
                [ServerArgs("tiny")]
                public partial record TinyArgs<TValue>
                {
                    /// <summary>Host.</summary>
                    [Flag("host")]
                    public string? Host { get; init; }
                }
            }
        }
        """;
}
