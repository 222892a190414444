using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The rules for Django's base command options, included by every <c>manage.py</c> backend's validator.</summary>
internal sealed partial class DjangoCommandOptionsValidator : AbstractValidator<IDjangoCommandOptions>
{
    public DjangoCommandOptionsValidator()
    {
        // Django's BaseCommand raises CommandError("The --no-color and --force-color options can't be used together.").
        // ForceColor with NoColor: PSC0112's pair, refused by each including validator's ExclusiveSettings call.
        RuleFor(a => a.Settings).Must(s => s is null || PythonTargetSyntax.IsDottedName(s)).When(a => a.Settings is not null)
            .WithMessage("Settings must be a dotted module such as mysite.settings, got '{PropertyValue}'.");
        RuleFor(a => a.PythonPath).NotEmpty().When(a => a.PythonPath is not null).WithMessage("PythonPath must be a directory.");
    }
}
