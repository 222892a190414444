using System;
using System.IO;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Once a server is ready the launcher gives back what only its start-up needed: the pages of its own program file
/// (a NativeAOT launcher's .rodata and start-up code) — and never a page the process wrote itself.
/// </summary>
public sealed class WorkingSetSpecs
{
    [Fact]
    public void After_a_trim_the_program_file_holds_fewer_resident_pages_and_the_pages_the_process_wrote_stay()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // madvise and /proc are Linux's; elsewhere the trim is the GC's compaction alone
        }

        var before = ProgramMappings();
        Assert.True(before.ReadOnlyResidentKiB > 0, "the test host's program file should have resident pages to start with");

        WorkingSet.Trim();

        var after = ProgramMappings();
        Assert.True(after.ReadOnlyResidentKiB < before.ReadOnlyResidentKiB,
            $"read-only pages of the program: {before.ReadOnlyResidentKiB} KiB before, {after.ReadOnlyResidentKiB} KiB after");
        // Relocated data and written pages are the process's own: dropping them would lose them.
        Assert.True(after.AnonymousKiB >= before.AnonymousKiB, $"written pages of the program: {before.AnonymousKiB} KiB before, {after.AnonymousKiB} KiB after");
    }

    // Resident kB of the read-only mappings of /proc/self/exe, and kB of private copies (written pages) in all of its mappings.
    private static (long ReadOnlyResidentKiB, long AnonymousKiB) ProgramMappings()
    {
        var program = File.ResolveLinkTarget("/proc/self/exe", returnFinalTarget: false)!.FullName;
        long readOnly = 0, anonymous = 0;
        var ours = false;
        var writable = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-') && fields[1].Length == 4)
            {
                ours = fields.Length == 6 && fields[5].Trim() == program;
                writable = fields[1][1] == 'w';
            }
            else if (ours && fields is [var key, var kib, "kB"])
            {
                if (key == "Rss:" && !writable)
                {
                    readOnly += long.Parse(kib);
                }
                else if (key == "Anonymous:")
                {
                    anonymous += long.Parse(kib);
                }
            }
        }

        return (readOnly, anonymous);
    }
}
