using System.Text.RegularExpressions;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>The rules for Django's base command options, included by every <c>manage.py</c> backend's validator.</summary>
internal sealed partial class DjangoCommandOptionsValidator : AbstractValidator<IDjangoCommandOptions>
{
    public DjangoCommandOptionsValidator()
    {
        // Django's BaseCommand raises CommandError("The --no-color and --force-color options can't be used together.").
        RuleFor(a => a.ForceColor).NotEqual(true).When(a => a.NoColor == true)
            .WithMessage("ForceColor cannot be combined with NoColor: Django refuses both at once. Keep one.");
        RuleFor(a => a.Settings).Matches(DottedModule()).When(a => a.Settings is not null)
            .WithMessage("Settings must be a dotted module such as mysite.settings, got '{PropertyValue}'.");
        RuleFor(a => a.PythonPath).NotEmpty().When(a => a.PythonPath is not null).WithMessage("PythonPath must be a directory.");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\z")]
    private static partial Regex DottedModule();
}
