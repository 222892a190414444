namespace ProdServer.Config;

/// <summary>
/// The Python run once by <c>import django-prodserver</c> and <c>--check</c> to read a Django project's settings, as
/// django-prodserver reads them: <c>django.conf.settings</c> (Django's defaults beneath), or the plain module when Django is
/// not importable. It prints one JSON document on a private copy of stdout (anything the settings print, at the OS level too, goes to stderr), with every
/// value tagged so that nothing a settings module holds can be mistaken for something else: dicts as ordered
/// <c>{"items": [[key, value], …]}</c> (django-prodserver starts the first key), objects JSON cannot hold as
/// <c>{"repr": …, "type": …}</c>. Arguments: the settings module, the project directory (put first on sys.path).
/// </summary>
internal static class DjangoSettingsScript
{
    /// <summary>The exit code of the script when the settings could not be read; the JSON then holds <c>error</c>.</summary>
    public const int SettingsFailed = 3;

    /// <summary>The script's source, passed to <c>python -c</c>.</summary>
    public const string Source = """
        import json, math, os, sys

        def plain(value, depth=0):
            if depth > 16:
                return {"repr": "(nested too deep)", "type": type(value).__name__}
            if value is None or isinstance(value, (bool, str)):
                return value
            if isinstance(value, int):
                return value
            if isinstance(value, float):
                return value if math.isfinite(value) else {"repr": repr(value), "type": "float"}
            if isinstance(value, (list, tuple)):
                return [plain(v, depth + 1) for v in value]
            if isinstance(value, dict):
                return {"items": [[plain(k, depth + 1), plain(v, depth + 1)] for k, v in value.items()]}
            return {"repr": repr(value)[:200], "type": type(value).__name__}

        def main():
            module, project = sys.argv[1], sys.argv[2]
            # The answer goes on a copy of fd 1 that nothing the settings start inherits (os.dup makes it close-on-exec);
            # fd 1 itself becomes stderr, so that os.system("echo ...") or a C extension's printf lands where print() does.
            out = os.fdopen(os.dup(1), "w", encoding="utf-8")
            os.dup2(2, 1)
            sys.stdout = sys.stderr
            sys.path.insert(0, project)
            os.environ["DJANGO_SETTINGS_MODULE"] = module
            result = {}
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
                result["processes"] = None if processes is missing else plain(processes)
                result["legacy"] = hasattr(settings, "PROD_SERVERS")
                for name in ("WSGI_APPLICATION", "ASGI_APPLICATION"):
                    result[name] = plain(getattr(settings, name, None))
            except BaseException as error:  # SystemExit and KeyboardInterrupt from a settings module too
                out.write(json.dumps({"error": "%s: %s" % (type(error).__name__, error)}))
                out.flush()
                sys.exit(3)
            out.write(json.dumps(result, ensure_ascii=True))
            out.flush()

        main()
        """;
}
