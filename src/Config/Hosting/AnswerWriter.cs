using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Standard output as a command writes its answer to it (<c>--list</c>, <c>--dry-run --json &gt; plan.json</c>, <c>--help</c>,
/// <c>status</c>): a write that fails (a full disk, <c>/dev/full</c>, a closed descriptor) becomes
/// <see cref="AnswerNotWrittenException"/>, which the entry point reports in one line with exit code 1. Unwrapped, it left
/// Main as an unhandled exception: a stack trace and an abort (exit 134), or, caught by a tool's generic handler, a
/// truncated plan that looked complete. A reader that went away (a pipe to <c>head -1</c>) is no failure: .NET drops
/// those writes, as it did before.
/// </summary>
internal sealed class AnswerWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
#pragma warning disable CS8765 // the base setter takes null (and restores the default); the getter never returns it
        get => inner.NewLine;
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    // The console's own writer writes synchronously too; these keep the failure on the caller's await.
    public override Task WriteAsync(char value) => Run(() => Write(value));

    public override Task WriteAsync(string? value) => Run(() => Write(value));

    public override Task WriteLineAsync() => Run(WriteLine);

    public override Task WriteLineAsync(string? value) => Run(() => WriteLine(value));

    public override Task FlushAsync() => Run(Flush);

    public override Task FlushAsync(CancellationToken cancellationToken) => Run(Flush);

    private static Task Run(Action write)
    {
        try
        {
            write();
            return Task.CompletedTask;
        }
        catch (AnswerNotWrittenException ex)
        {
            return Task.FromException(ex);
        }
    }

    // The console stream reports a closed descriptor as UnauthorizedAccessException (EBADF), a full disk as IOException.
    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AnswerNotWrittenException(ex);
        }
    }
}

/// <summary>Standard output refused a command's answer; <see cref="Exception.InnerException"/> says why.</summary>
internal sealed class AnswerNotWrittenException(Exception inner) : IOException(inner.InnerException?.Message ?? inner.Message, inner);
