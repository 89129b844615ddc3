using Hypeman.Emulator;
using Hypeman.Emulator.Auth;

var parsed = EmulatorOptions.Parse(args);
if (parsed.ShowHelp)
{
    Console.WriteLine(EmulatorOptions.HelpText);
    return 0;
}
if (parsed.Error is not null)
{
    Console.Error.WriteLine($"error: {parsed.Error}");
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

var options = parsed.Options!;
WebApplication app;
Uri url;
try
{
    app = EmulatorHost.Build(options);
    url = await EmulatorHost.StartAsync(app);
}
catch (Exception e) when (e is InvalidOperationException or IOException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

// Tests parse the first line; keep its wording and order.
Console.WriteLine($"Hypeman emulator listening on {url.GetLeftPart(UriPartial.Authority)}");
var token = JwtIssuer.Issue(options.JwtSecret, "emulator", TimeSpan.FromHours(24));
Console.WriteLine(options.JwtSecretSource switch
{
    JwtSecretSource.Generated => $"JWT secret (generated): {options.JwtSecret}",
    JwtSecretSource.Environment => "JWT secret: from the JWT_SECRET environment variable",
    _ => "JWT secret: from --jwt-secret",
});
Console.WriteLine($"Token (HS256, sub=emulator, valid 24 h): {token}");
Console.WriteLine($"Try: curl -H \"Authorization: Bearer {token}\" {url.GetLeftPart(UriPartial.Authority)}/instances");

await app.WaitForShutdownAsync();
return 0;
