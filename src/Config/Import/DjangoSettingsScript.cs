namespace ProdServer.Config;

/// <summary>
/// The Python run once by <c>import django-prodserver</c> and <c>--check</c> to read a Django project's settings, as
/// django-prodserver reads them: <c>django.conf.settings</c> (Django's defaults beneath), or the plain module when Django is
/// not importable. It prints one JSON document on a private copy of stdout (anything the settings print, at the OS level too, goes to stderr), with every
/// value tagged so that nothing a settings module holds can be mistaken for something else: dicts as ordered
/// <c>{"items": [[key, value], …]}</c> (django-prodserver starts the first key), objects JSON cannot hold as
/// <c>{"repr": …, "type": …}</c>. Arguments: the settings module, the project directory (put first on sys.path), the most characters the answer may
/// have (the values are counted while they are read, and one that would pass it is named instead, <c>too_large</c>), and
/// <c>environ</c> to record the environment variables the settings read (the import's notes; <c>--check</c> passes <c>-</c>:
/// it needs none of them, and their values, secrets among them, then never leave the Python process).
/// </summary>
internal static class DjangoSettingsScript
{
    /// <summary>The exit code of the script when the settings could not be read; the JSON then holds <c>error</c>.</summary>
    public const int SettingsFailed = 3;

    /// <summary>The script's source, passed to <c>python -c</c>.</summary>
    public const string Source = """
        import json, math, os, reprlib, sys

        # The answer would pass the bound the reader reads: raised while it is built, so that memory stays bounded too
        # (a few shared references expand to 8**16 copies). Carries the keys down to the value that passed it.
        class TooLarge(Exception):
            def __init__(self):
                Exception.__init__(self)
                self.path = []

        class Reader:
            def __init__(self, budget):
                self.left = budget      # characters of JSON the answer may still take
                self.on_path = set()    # the containers being read: one met again holds itself
                # A set of nested shared tuples expands in repr() as a list does in the answer: builtin values are shown
                # to a few levels, a few items each. (An object's own __repr__ is the settings' code, bounded in time only.)
                self.short = reprlib.Repr()
                self.short.maxlevel, self.short.maxstring, self.short.maxother = 4, 200, 200

            def spend(self, characters):
                self.left -= characters
                if self.left < 0:
                    raise TooLarge()

            def tagged(self, text, value):
                self.spend(len(text) + 40)
                return {"repr": text, "type": type(value).__name__}

            def plain(self, value, depth=0):
                if value is None or isinstance(value, bool):
                    self.spend(5)
                    return value
                if isinstance(value, str):
                    self.spend(len(value) + 2)
                    if not value.isascii():  # \uXXXX each, as json.dumps writes them
                        self.spend(len(json.dumps(value)) - len(value) - 2)
                    return value
                if isinstance(value, int):
                    if value.bit_length() > 1024:  # str() refuses past 4300 digits; no port or count is that long
                        return self.tagged("(an integer of %d bits)" % value.bit_length(), value)
                    self.spend(len(str(value)))
                    return value
                if isinstance(value, float):
                    if not math.isfinite(value):
                        return self.tagged(repr(value), value)
                    self.spend(24)
                    return value
                if not isinstance(value, (list, tuple, dict)):
                    try:
                        text = self.short.repr(value)[:200]
                    except Exception as error:
                        text = "(repr failed: %s)" % type(error).__name__
                    return self.tagged(text, value)
                if depth >= 16:
                    return self.tagged("(nested too deep)", value)
                if id(value) in self.on_path:
                    return self.tagged("(contains itself)", value)
                self.on_path.add(id(value))
                try:
                    if isinstance(value, dict):
                        self.spend(13)
                        items = []
                        for key, item in value.items():
                            self.spend(6)
                            try:
                                items.append([self.plain(key, depth + 1), self.plain(item, depth + 1)])
                            except TooLarge as error:
                                error.path.insert(0, key)
                                raise
                        return {"items": items}
                    self.spend(2)
                    items = []
                    for item in value:
                        self.spend(2)
                        try:
                            items.append(self.plain(item, depth + 1))
                        except TooLarge as error:
                            del error.path[:]  # the list is named whole: indices down a nest of them say nothing
                            raise
                    return items
                finally:
                    self.on_path.discard(id(value))

        # The environment variables the settings read while they were imported and read (name -> value, None when unset):
        # django-prodserver evaluated them at every start, the import once. A read the settings make themselves counts;
        # a whole copy (dict(os.environ), os.environ.copy()) is not a read of each variable, so the getitem calls made on
        # the line that started iterating are left out. At most 200 names, each value bounded by the answer's budget.
        class EnvironReads:
            def __init__(self, reader):
                self.seen = {}
                self.reader = reader
                self.bulk = None

            # The settings' own frame and line that asked: this script's frames ("<string>") and the os and mapping
            # machinery between (os.getenv, Mapping.get, os.environ.copy; "<frozen os>" where they are frozen) are skipped.
            @staticmethod
            def caller():
                skipped = (os.__file__, getattr(sys.modules.get("_collections_abc"), "__file__", None))
                frame = sys._getframe(1)
                while frame is not None and (frame.f_code.co_filename.startswith("<") or frame.f_code.co_filename in skipped):
                    frame = frame.f_back
                return (id(frame), frame.f_lineno) if frame is not None else None

            def install(self):
                kind, reads = type(os.environ), self
                getitem, iterate = kind.__getitem__, kind.__iter__

                def read(env, key):
                    try:
                        value = getitem(env, key)
                    except KeyError:
                        reads.record(env, key, None)
                        raise
                    reads.record(env, key, value)
                    return value

                def walk(env):
                    if env is os.environ:
                        reads.bulk = EnvironReads.caller()
                    return iterate(env)

                kind.__getitem__, kind.__iter__ = read, walk
                return lambda: (setattr(kind, "__getitem__", getitem), setattr(kind, "__iter__", iterate))

            def record(self, env, key, value):
                if env is not os.environ or not isinstance(key, str) or key in self.seen or len(self.seen) >= 200 or key == "DJANGO_SETTINGS_MODULE":
                    return
                if self.bulk is not None and EnvironReads.caller() == self.bulk:
                    return
                self.seen[key] = self.reader.plain(value)

        def where(name, path):
            return name + "".join("[%s]" % repr(key)[:60] for key in path)

        def main():
            module, project, limit, record_environ = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "environ"
            # The answer goes on a copy of fd 1 that nothing the settings start inherits (os.dup makes it close-on-exec);
            # fd 1 itself becomes stderr, so that os.system("echo ...") or a C extension's printf lands where print() does.
            out = os.fdopen(os.dup(1), "w", encoding="utf-8")
            os.dup2(2, 1)
            sys.stdout = sys.stderr
            sys.path.insert(0, project)
            os.environ["DJANGO_SETTINGS_MODULE"] = module
            result = {}
            reader = Reader(limit - 1024)  # the rest of the answer (its keys, "reader", "legacy") is far below that
            name = "PRODUCTION_PROCESSES"
            reads = EnvironReads(reader)
            uninstall = reads.install() if record_environ else (lambda: None)
            try:
                try:
                    from django.conf import settings
                    result["reader"] = "django.conf.settings"
                except ImportError:
                    import importlib
                    settings = importlib.import_module(module)
                    result["reader"] = "importlib"
                missing = object()
                processes = getattr(settings, "PRODUCTION_PROCESSES", missing)
                result["processes"] = None if processes is missing else reader.plain(processes)
                result["legacy"] = hasattr(settings, "PROD_SERVERS")
                for name in ("WSGI_APPLICATION", "ASGI_APPLICATION"):
                    result[name] = reader.plain(getattr(settings, name, None))
                uninstall()
                result["environ"] = [[key, value] for key, value in reads.seen.items()]
            except TooLarge as error:
                out.write(json.dumps({"too_large": where(name, error.path)[:300]}))
                out.flush()
                sys.exit(3)
            except BaseException as error:  # SystemExit and KeyboardInterrupt from a settings module too
                try:
                    said = "%s: %s" % (type(error).__name__, error)
                except Exception:  # an exception whose str() fails
                    said = type(error).__name__
                out.write(json.dumps({"error": said[:1000]}))
                out.flush()
                sys.exit(3)
            out.write(json.dumps(result, ensure_ascii=True))
            out.flush()

        main()
        """;
}
