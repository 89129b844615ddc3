using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Hypeman.Emulator.Tests;

/// <summary>The emulator as users start it: a separate process with command-line options.</summary>
public sealed class ProcessTests
{
    private static string EmulatorDll => Path.Combine(AppContext.BaseDirectory, "Hypeman.Emulator.dll");

    private static Process Start(string arguments, bool withEnvironmentSecret = false)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{EmulatorDll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("JWT_SECRET");
        if (withEnvironmentSecret) info.Environment["JWT_SECRET"] = "from-environment";
        return Process.Start(info)!;
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(line);
        return line;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill();
        process.WaitForExit(5000);
        process.Dispose();
    }

    [Fact]
    public async Task PrintsTheAddressFirstThenAWorkingToken()
    {
        var process = Start("--port 0 --seed demo");
        try
        {
            var first = await ReadLineAsync(process);
            var match = Regex.Match(first, @"^Hypeman emulator listening on (http://127\.0\.0\.1:(\d+))$");
            Assert.True(match.Success, first);
            Assert.NotEqual("0", match.Groups[2].Value);
            var secretLine = await ReadLineAsync(process);
            Assert.Matches("^JWT secret \\(generated\\): [0-9a-f]{64}$", secretLine);
            var token = (await ReadLineAsync(process)).Split(' ').Last();

            using var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/instances");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("web-1", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task TakesTheSecretFromTheEnvironmentWithoutPrintingIt()
    {
        var process = Start("--port=0", withEnvironmentSecret: true);
        try
        {
            await ReadLineAsync(process);
            var secretLine = await ReadLineAsync(process);
            Assert.Equal("JWT secret: from the JWT_SECRET environment variable", secretLine);
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task HelpListsEveryOptionAndTheAdminEndpoints()
    {
        using var process = Start("--help");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        foreach (var option in new[] { "--port", "--jwt-secret", "--seed", "--latency", "--volume-ops", "--boot-delay", "--api-version", "--images", "/_emulator/reset", "/_emulator/requests", "/_emulator/faults", "/_emulator/settings" })
            Assert.Contains(option, text);
    }

    [Fact]
    public async Task BadOptionsExitWithAnError()
    {
        using var process = Start("--api-version 9.9.9");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--api-version must be 0.3.0 or 0.2.0", error);
    }
}
