using KonnectAspire.Provisioner;

return await ProvisionerCli.InvokeAsync(ProvisionerContext.FromProcess(), args);
