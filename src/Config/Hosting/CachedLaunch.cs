using System;
using System.Collections.Generic;
using System.IO;

namespace ProdServer.Config;

/// <summary>One server an early launch started: what was run, how it is stopped, and the ports checked before.</summary>
/// <param name="Plan">The launch.</param>
/// <param name="StopSignalToGroup">Whether the stop signal goes to the whole process group (see <see cref="ServerBackend.StopSignalToGroup"/>).</param>
/// <param name="Endpoints">What the port check binds before the fork.</param>
/// <param name="ListensOnceAppLoaded">Whether an open port means the app is loaded (see <see cref="ServerBackend.ListensOnceAppLoaded"/>).</param>
internal sealed record EarlyStart(LaunchPlan Plan, bool StopSignalToGroup, IReadOnlyList<ListenEndpoint> Endpoints, bool ListensOnceAppLoaded)
{
    /// <summary>
    /// Whether the start may be kept in <see cref="LaunchPlanCache"/>: not when an env file gave it values (they are only
    /// ever read from their file, see <see cref="LaunchPlan.FileEnvironment"/>).
    /// </summary>
    public bool Cacheable => Plan.FileEnvironment.Count == 0 && Plan.IgnoredFileEnvironment.Count == 0;
}

/// <summary>Every server a plain run started early, and the output buffer they were given: the payload of a <see cref="LaunchPlanCache"/> entry.</summary>
/// <param name="Starts">The servers, in the order they were started.</param>
/// <param name="BufferBytes">The output buffer's size (<see cref="ProdServerLogOptions.BufferBytes"/>).</param>
/// <param name="Overflow">What a full buffer does (<see cref="ProdServerLogOptions.Overflow"/>).</param>
internal sealed record CachedLaunch(IReadOnlyList<EarlyStart> Starts, int BufferBytes, LogOverflow Overflow)
{
    /// <summary>The log options the servers were started with.</summary>
    public ProdServerLogOptions Logs => new() { BufferBytes = BufferBytes, Overflow = Overflow };

    /// <summary>Writes the launch as length-prefixed fields: nothing in a value (a newline, a quote, a NUL) can change how it is read back.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(BufferBytes);
        writer.Write((int)Overflow);
        writer.Write(Starts.Count);
        foreach (var (plan, toGroup, endpoints, loadedWhenListening) in Starts)
        {
            writer.Write(plan.ProcessName);
            writer.Write(plan.Executable);
            WriteList(writer, plan.Arguments);
            writer.Write(plan.WorkingDirectory);
            writer.Write(plan.Environment.Count);
            foreach (var (name, value) in plan.Environment)
            {
                writer.Write(name);
                writer.Write(value);
            }

            WriteList(writer, plan.RemovedEnvironment);
            WriteList(writer, plan.ImplicitConfigFiles);
            writer.Write(plan.StopSignal);
            writer.Write(plan.StopSignalRepeat?.Ticks ?? 0);
            writer.Write(toGroup);
            writer.Write(endpoints.Count);
            foreach (var endpoint in endpoints)
            {
                writer.Write(endpoint.Host);
                writer.Write(endpoint.Port);
            }

            writer.Write(loadedWhenListening);
        }
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; throws <see cref="EndOfStreamException"/> or <see cref="InvalidDataException"/> on anything else.</summary>
    public static CachedLaunch ReadFrom(BinaryReader reader)
    {
        var bufferBytes = reader.ReadInt32();
        var overflow = (LogOverflow)reader.ReadInt32();
        if (bufferBytes is < ProdServerLogOptions.MinimumBufferBytes or > ProdServerLogOptions.MaximumBufferBytes
            || overflow is not (LogOverflow.Block or LogOverflow.Drop))
        {
            throw Damaged();
        }

        var starts = new EarlyStart[Count(reader)];
        for (var i = 0; i < starts.Length; i++)
        {
            var name = reader.ReadString();
            var executable = reader.ReadString();
            var arguments = ReadList(reader);
            var directory = reader.ReadString();
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var count = Count(reader); count > 0; count--)
            {
                if (!environment.TryAdd(reader.ReadString(), reader.ReadString()))
                {
                    throw Damaged();
                }
            }

            var plan = new LaunchPlan(name, executable, arguments, directory, environment)
            {
                RemovedEnvironment = ReadList(reader),
                ImplicitConfigFiles = ReadList(reader),
                StopSignal = reader.ReadInt32() is var signal and > 0 and < 65 ? signal : throw Damaged(),
                StopSignalRepeat = reader.ReadInt64() switch
                {
                    0 => null,
                    var ticks when ticks >= StopEscalation.MinimumRepeat.Ticks && ticks <= StopEscalation.MaximumRepeat.Ticks => TimeSpan.FromTicks(ticks),
                    _ => throw Damaged(),
                },
            };
            var toGroup = reader.ReadBoolean();
            var endpoints = new ListenEndpoint[Count(reader)];
            for (var e = 0; e < endpoints.Length; e++)
            {
                endpoints[e] = new ListenEndpoint(reader.ReadString(), reader.ReadInt32() is var port and >= 0 and <= 65535 ? port : throw Damaged());
            }

            starts[i] = new EarlyStart(plan, toGroup, endpoints, reader.ReadBoolean());
        }

        return new CachedLaunch(starts, bufferBytes, overflow);
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var values = new string[Count(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    // A count larger than what is left to read is a damaged file, refused before anything is allocated for it.
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw Damaged();
    }

    private static InvalidDataException Damaged() => new("damaged launch cache entry");
}
