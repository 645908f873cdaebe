using KonnectAspire.Provisioner;

return await ProvisionerCli.Create(ProvisionerContext.FromProcess()).Parse(args).InvokeAsync();
