using KonnectAspire.Provisioner;
using KonnectAspire.Provisioner.Cli;

return await ProvisionerCli.InvokeAsync(ProvisionerContext.FromProcess(), args);
