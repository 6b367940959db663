namespace PolicyLoop.Cli.Policies;

/// <summary>Loads a policy that a command needs compiled, printing its problems and failing with a usage error otherwise.</summary>
internal static class PolicyFiles
{
    public static PolicyFile LoadCompiled(string path)
    {
        var policy = PolicyFile.Load(path);
        if (policy.Compiled is null)
        {
            DiagnosticWriter.Write(Console.Error, policy.Diagnostics);
            throw new UsageException($"the policy {path} has errors; fix them or run 'policyloop policy check {path}'");
        }

        return policy;
    }

    /// <summary>A policy's name for reports: id, version and file name.</summary>
    public static string Describe(PolicyFile file) =>
        $"{file.Compiled!.Policy.Id} {file.Compiled.Policy.Version} ({Path.GetFileName(file.Path)})";
}
