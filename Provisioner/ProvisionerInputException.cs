namespace KonnectAspire.Provisioner;

/// <summary>Input the Provisioner cannot work with; raised before anything is sent or written, and reported as exit code 2.</summary>
internal sealed class ProvisionerInputException(string message, Exception? innerException = null) : Exception(message, innerException);
