using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The hint added to a failed start's reason when Python could not import a module.</summary>
public sealed class StartFailureHintSpecs
{
    [Theory]
    [InlineData("/root/.pyenv/versions/3.11.7/bin/python3: No module named celery")] // python -m celery
    [InlineData("ModuleNotFoundError: No module named 'celery'")]
    [InlineData("ModuleNotFoundError: No module named 'celery.bin'")]
    public void The_servers_own_package_missing_says_to_install_it_for_that_python_or_choose_another(string line)
    {
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "mysite" };

        var hint = StartFailureHint.For(worker, line);

        Assert.NotNull(hint);
        Assert.Contains("has no module celery", hint);
        Assert.Contains("apt-get install python3-celery", hint); // the backend's own install hint
        Assert.Contains("set Python or Venv", hint);
        Assert.Contains("install celery for it", hint); // the package, not the backend's name (CeleryWorker)
    }

    [Fact]
    public void Django_missing_from_the_python_that_ran_manage_py_says_so_and_names_one_that_has_it()
    {
        // manage.py's own words when Django is not installed: before, no hint at all.
        const string line = "ImportError: Couldn't import Django. Are you sure it's installed and available on your PYTHONPATH environment variable? Did you forget to activate a virtual environment?";
        var dev = new ProcessDefinition("web", ServerBackends.DjangoDevServer) { App = "127.0.0.1:8000" };

        Assert.Equal(
            " (the Python that ran manage.py has no module django: install Django for it (pip install Django, or Debian's python3-django), or set Python or Venv to an interpreter that has it; Debian's python3-django is for /usr/bin/python3)",
            StartFailureHint.For(dev, line));
        Assert.EndsWith("; /usr/bin/python3 has it: set \"Python\": \"/usr/bin/python3\" on the process)", StartFailureHint.For(dev, line, m => m == "django" ? "/usr/bin/python3" : null));
    }

    [Fact]
    public void The_python_that_has_the_servers_package_is_named_when_one_is_found()
    {
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "mysite" };

        var hint = StartFailureHint.For(worker, "/usr/local/bin/python3: No module named celery", module => module == "celery" ? "/usr/bin/python3" : null);

        Assert.Contains("; /usr/bin/python3 has it: set \"Python\": \"/usr/bin/python3\" on the process)", hint);
    }

    [Fact]
    public void The_python_found_is_written_as_a_json_string_and_stays_off_the_terminal()
    {
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "mysite" };

        var hint = StartFailureHint.For(worker, "/usr/local/bin/python3: No module named celery", _ => "/opt/a\"b\\c\u001b[31m/python3");

        Assert.Contains("set \"Python\": \"/opt/a\\\"b\\\\c\\u001B[31m/python3\" on the process)", hint);
        Assert.DoesNotContain("\u001b", hint!, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_script_servers_package_is_known_by_its_distribution_name()
    {
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "mysite.wsgi:application" };

        var hint = StartFailureHint.For(web, "ModuleNotFoundError: No module named 'gunicorn'");

        Assert.Contains("install gunicorn for it", hint);
    }

    [Theory]
    [InlineData("ModuleNotFoundError: No module named 'mysite'")]
    [InlineData("Error: Bad module 'mysite.wsgi'")] // waitress
    public void The_apps_own_module_missing_says_where_to_start_it_from(string line)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" };

        var hint = StartFailureHint.For(web, line);

        Assert.NotNull(hint);
        Assert.Contains("the project's module", hint);
        Assert.Contains("set WorkingDirectory", hint);
        Assert.DoesNotContain("Venv", hint);
    }

    // "No module named 'mysite.asgi'" is Python's word for a package it imported without that module: the working directory is
    // right, and a hint to change it (what was said before) sent an uvicorn user of a pre-3.0 Django project, which has no
    // asgi.py, the wrong way.
    [Fact]
    public void The_apps_module_missing_from_a_package_that_was_found_says_to_check_App_not_the_working_directory()
    {
        var web = new ProcessDefinition("web", ServerBackends.Uvicorn) { App = "mysite.asgi:application" };

        var hint = StartFailureHint.Sentence(web, "ModuleNotFoundError: No module named 'mysite.asgi'");

        Assert.Equal(
            "Python found the project's package mysite, but no module mysite.asgi in it (mysite/asgi.py): check App (ProdServer:Processes:web:App), or add the file "
            + "(django-admin startproject writes asgi.py since Django 3.0; an older project needs one for an ASGI server)",
            hint);
    }

    [Fact]
    public void Another_module_missing_from_the_projects_package_says_to_check_where_it_is_imported()
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" };

        var hint = StartFailureHint.Sentence(web, "ModuleNotFoundError: No module named 'mysite.blog.models'");

        Assert.Equal("Python found the project's package mysite.blog, but no module mysite.blog.models in it (mysite/blog/models.py): check the name where the project imports it", hint);
    }

    [Fact]
    public void The_settings_module_missing_names_DJANGO_SETTINGS_MODULE_not_the_apps_module()
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" };
        web.Environment["DJANGO_SETTINGS_MODULE"] = "mysite.nosettings";

        var hint = StartFailureHint.For(web, "ModuleNotFoundError: No module named 'mysite.nosettings'");

        Assert.NotNull(hint);
        Assert.Contains("DJANGO_SETTINGS_MODULE names mysite.nosettings, which Python could not import", hint);
        Assert.DoesNotContain("the project's module", hint);
    }

    [Fact]
    public void As_a_sentence_the_hint_has_no_parentheses_and_a_line_that_is_no_import_failure_has_none()
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" };

        Assert.Equal(
            "the project's module mysite was not found from the working directory: set WorkingDirectory to the directory that holds it, where manage.py is, or add its parent to PythonPath",
            StartFailureHint.Sentence(web, "ModuleNotFoundError: No module named 'mysite'"));
        Assert.Null(StartFailureHint.Sentence(web, "ValueError: boom"));
    }

    [Fact]
    public void A_module_named_in_another_script_is_read_whole()
    {
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "café.wsgi:application" };

        var hint = StartFailureHint.For(web, "ModuleNotFoundError: No module named 'café'");

        Assert.Contains("the project's module café was not found from the working directory", hint);
    }

    [Fact]
    public void The_django_settings_module_missing_says_where_to_start_it_from()
    {
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "config.wsgi:application" };
        web.Environment["DJANGO_SETTINGS_MODULE"] = "mysite.settings";

        var hint = StartFailureHint.For(web, "ModuleNotFoundError: No module named 'mysite'");

        Assert.Contains("the project's module mysite was not found from the working directory", hint);
    }

    [Fact]
    public void Another_missing_module_says_what_to_do_whether_it_is_a_package_or_the_projects()
    {
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "mysite.wsgi:application" };

        var hint = StartFailureHint.For(web, "ModuleNotFoundError: No module named 'django'");

        Assert.Contains("Python could not import django: if it is a package, install it for the interpreter that ran the server", hint);
        Assert.Contains("if it is the project's, set WorkingDirectory or PythonPath", hint);
    }

    [Theory]
    [InlineData("Error: [Errno 98] Address already in use")]
    [InlineData("ImportError: cannot import name 'x' from 'mysite.views'")]
    [InlineData("no module named anything, in lower case prose")]
    [InlineData("")]
    public void Any_other_failure_gets_no_hint(string line)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" };

        Assert.Null(StartFailureHint.For(web, line));
    }
}
