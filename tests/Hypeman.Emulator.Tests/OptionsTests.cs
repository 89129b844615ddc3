namespace Hypeman.Emulator.Tests;

public sealed class OptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void DefaultsMatchTheHelp()
    {
        var options = EmulatorOptions.Parse([], NoEnvironment).Options!;
        Assert.Equal(0, options.Port);
        Assert.Equal("none", options.Seed);
        Assert.Equal(VolumeOpsMode.Spec, options.VolumeOps);
        Assert.Equal(ApiVersion.V030, options.ApiVersion);
        Assert.Equal(JwtSecretSource.Generated, options.JwtSecretSource);
        Assert.Matches("^[0-9a-f]{64}$", options.JwtSecret);
        Assert.Contains("docker.io/library/nginx:latest", options.Images);
    }

    [Fact]
    public void EveryOptionParsesInBothSpellings()
    {
        var options = EmulatorOptions.Parse(
            ["--port", "4973", "--jwt-secret=s", "--seed", "demo", "--latency=5", "--volume-ops", "not-implemented",
             "--boot-delay", "250", "--api-version=0.2.0", "--images", "alpine, redis:7", "--image-pull-delay", "10"], NoEnvironment).Options!;
        Assert.Equal(4973, options.Port);
        Assert.Equal("s", options.JwtSecret);
        Assert.Equal(JwtSecretSource.Option, options.JwtSecretSource);
        Assert.Equal("demo", options.Seed);
        Assert.Equal(5, options.LatencyMs);
        Assert.Equal(VolumeOpsMode.NotImplemented, options.VolumeOps);
        Assert.Equal(250, options.BootDelayMs);
        Assert.Equal(ApiVersion.V020, options.ApiVersion);
        Assert.Equal(["alpine", "redis:7"], options.Images);
        Assert.Equal(10, options.ImagePullDelayMs);
    }

    [Fact]
    public void TheOptionBeatsTheEnvironmentWhichBeatsGenerating()
    {
        Func<string, string?> environment = name => name == "JWT_SECRET" ? "env-secret" : null;
        Assert.Equal("env-secret", EmulatorOptions.Parse([], environment).Options!.JwtSecret);
        Assert.Equal("cli", EmulatorOptions.Parse(["--jwt-secret", "cli"], environment).Options!.JwtSecret);
    }

    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--port", "option --port needs a value")]
    [InlineData("--port=70000", "--port must be 0-65535")]
    [InlineData("--seed=/no/such/file.json", "--seed: no such file")]
    [InlineData("--volume-ops=sometimes", "--volume-ops must be spec or not-implemented")]
    [InlineData("--images=Bad Name", "--images: 'Bad Name'")]
    [InlineData("stray", "unexpected argument 'stray'")]
    public void BadArgumentsAreExplained(string argument, string error)
    {
        var result = EmulatorOptions.Parse([argument], NoEnvironment);
        Assert.Null(result.Options);
        Assert.Contains(error, result.Error);
    }

    [Fact]
    public void HelpIsRecognised() => Assert.True(EmulatorOptions.Parse(["-h"], NoEnvironment).ShowHelp);
}
