using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>Applies the <c>ProdServer</c> configuration section after every code configuration, so configuration wins.</summary>
internal sealed class BindProdServerConfiguration : IPostConfigureOptions<ProdServerOptions>
{
    private readonly IConfiguration? _configuration;

    public BindProdServerConfiguration(IConfiguration? configuration = null) => _configuration = configuration;

    public void PostConfigure(string? name, ProdServerOptions options)
    {
        if (_configuration is not null)
        {
            ProdServerConfigurationBinder.Bind(_configuration.GetSection(ProdServerOptions.SectionName), options);
        }
    }
}
