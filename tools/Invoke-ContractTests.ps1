#Requires -Version 7.4
<#
.SYNOPSIS
    Runs every cmdlet of the built module against Prism serving the Hypeman OpenAPI document and
    fails on any request or response that breaks the spec.

.DESCRIPTION
    1. Installs Prism (@stoplight/prism-cli, pinned with its lockfile in tools/prism/) into
       .tools/prism with 'npm ci', unless the same lockfile is already installed there.
    2. Starts 'prism mock <spec> --host 127.0.0.1 --port <port>' (without --errors: with it, Prism
       answers a response violation with a 500 and writes the details only into that answer, not
       into its log) and waits until it answers GET /health.
    3. Runs tests/Contract/ContractScenarios.ps1 in a child 'pwsh -NoProfile -NonInteractive', which
       imports the built module and calls every cmdlet in each of its shapes.
    4. Stops Prism and reads its log. Prism writes, for each request, a line
           [HTTP SERVER] <method> <path> ℹ  info      Request received
       followed by the validator's findings:
           [VALIDATOR] ✖  error     Violation: <location> <message>      (Prism still answered from the spec)
           [VALIDATOR] ✖  error     <message>                            (request validation error)
           [HTTP SERVER] <method> <path> ✖  error     Request terminated with error: <type uri>#<CODE>: <title>
       (the last when Prism could not answer at all: UNPROCESSABLE_ENTITY, UNAUTHORIZED,
       NO_PATH_MATCHED_ERROR, INVALID_CONTENT_TYPE, ...). Every such finding is a violation.
    5. Prints each violation (method, path, message), then 'Contract: N requests, N violations',
       and exits 1 when there is a violation, the scenarios failed, or Prism saw no request.

.EXAMPLE
    dotnet pwsh -NoProfile -File tools/Invoke-ContractTests.ps1 -ModulePath out/Hypeman/0.1.0/Hypeman.psd1
#>
[CmdletBinding()]
param(
    # The OpenAPI document Prism serves (kept outside the repository).
    [string] $SpecPath = (Join-Path $PSScriptRoot '..' '..' 'shared' 'spec' 'hypeman-openapi-0.3.0.yaml'),

    # The built module's manifest; by default the newest out/Hypeman/<version>/Hypeman.psd1.
    [string] $ModulePath,

    # The port Prism listens on; 0 picks a free one.
    [ValidateRange(0, 65535)]
    [int] $Port = 0,

    # The scenario script run against Prism.
    [string] $ScenarioPath = (Join-Path $PSScriptRoot '..' 'tests' 'Contract' 'ContractScenarios.ps1'),

    # Where Prism's log is kept (for reading after a failure); by default .tools/prism/prism.log.
    [string] $LogPath,

    # Seconds to wait for Prism to answer after it starts.
    [int] $StartTimeoutSec = 120,

    # Seconds the scenario script may run.
    [int] $ScenarioTimeoutSec = 900
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath
$prismSource = Join-Path $PSScriptRoot 'prism'
$prismHome = Join-Path $repoRoot '.tools' 'prism'
if (-not $LogPath) { $LogPath = Join-Path $prismHome 'prism.log' }

function Write-Step([string] $Text) { Write-Host "== $Text" -ForegroundColor Cyan }

function Get-PwshCommand {
    # The pwsh that runs this script: under 'dotnet pwsh' (a dotnet local tool) the process is
    # dotnet itself and pwsh.dll must be passed to it.
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($exe)
}

#region Prism installation ----------------------------------------------------------------------

function Get-PinnedPrismVersion {
    $package = Get-Content -Raw (Join-Path $prismSource 'package.json') | ConvertFrom-Json
    $version = $package.dependencies.'@stoplight/prism-cli'
    if ($version -notmatch '^\d+\.\d+\.\d+$') { throw "tools/prism/package.json must pin @stoplight/prism-cli to an exact version; it says '$version'." }
    return $version
}

function Install-Prism {
    $version = Get-PinnedPrismVersion
    $installed = Join-Path $prismHome 'node_modules' '@stoplight' 'prism-cli' 'package.json'
    $lockSource = Join-Path $prismSource 'package-lock.json'
    $lockCopy = Join-Path $prismHome 'package-lock.json'
    if ((Test-Path $installed) -and (Test-Path $lockCopy) -and
        (Get-FileHash $lockSource).Hash -eq (Get-FileHash $lockCopy).Hash -and
        (Get-Content -Raw $installed | ConvertFrom-Json).version -eq $version) {
        Write-Step "Prism $version already installed in .tools/prism"
        return
    }
    foreach ($tool in 'node', 'npm') {
        if (-not (Get-Command $tool -CommandType Application -ErrorAction SilentlyContinue)) { throw "The contract tests need Node.js: '$tool' was not found on PATH." }
    }
    Write-Step "Installing Prism $version into .tools/prism (npm ci)"
    $null = New-Item -ItemType Directory -Path $prismHome -Force
    Copy-Item (Join-Path $prismSource 'package.json') $prismHome -Force
    Copy-Item $lockSource $prismHome -Force
    # --ignore-scripts: Prism needs no install script (the only one in its tree is a telemetry ping).
    & npm ci --prefix $prismHome --ignore-scripts --no-audit --no-fund --loglevel=error
    if ($LASTEXITCODE -ne 0) { throw "npm ci failed with exit code $LASTEXITCODE." }
    $got = (Get-Content -Raw $installed | ConvertFrom-Json).version
    if ($got -ne $version) { throw "npm installed @stoplight/prism-cli $got, not $version." }
}

function Get-PrismEntryPoint {
    $cliDir = Join-Path $prismHome 'node_modules' '@stoplight' 'prism-cli'
    $package = Get-Content -Raw (Join-Path $cliDir 'package.json') | ConvertFrom-Json
    $bin = if ($package.bin -is [string]) { $package.bin } else { $package.bin.prism }
    return Join-Path $cliDir $bin
}

#endregion

#region Prism process ---------------------------------------------------------------------------

function Get-FreePort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-Prism([string] $Spec, [int] $ListenPort) {
    $null = New-Item -ItemType Directory -Path (Split-Path $LogPath) -Force
    $errorLog = [IO.Path]::ChangeExtension($LogPath, '.stderr.log')
    Remove-Item -LiteralPath $LogPath, $errorLog -ErrorAction SilentlyContinue
    $saved = @{ NO_COLOR = $env:NO_COLOR; FORCE_COLOR = $env:FORCE_COLOR }
    $env:NO_COLOR = '1'; $env:FORCE_COLOR = '0'
    try {
        # Start-Process joins its arguments with spaces: quote them (paths may contain spaces).
        $arguments = @((Get-PrismEntryPoint), 'mock', $Spec, '--host', '127.0.0.1', '--port', "$ListenPort") |
            ForEach-Object { '"' + $_.Replace('"', '\"') + '"' }
        $process = Start-Process -FilePath 'node' -PassThru -NoNewWindow -ArgumentList $arguments `
            -RedirectStandardOutput $LogPath -RedirectStandardError $errorLog
    }
    finally {
        $env:NO_COLOR = $saved.NO_COLOR; $env:FORCE_COLOR = $saved.FORCE_COLOR
    }
    return $process
}

function Wait-Prism($Process, [string] $BaseUrl) {
    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSec)
    $client = [Net.Http.HttpClient]::new()
    $client.Timeout = [TimeSpan]::FromSeconds(5)
    try {
        while ([DateTime]::UtcNow -lt $deadline) {
            if ($Process.HasExited) {
                throw "Prism exited with code $($Process.ExitCode) before answering:`n$(Get-Content -Raw $LogPath -ErrorAction SilentlyContinue)$(Get-Content -Raw ([IO.Path]::ChangeExtension($LogPath, '.stderr.log')) -ErrorAction SilentlyContinue)"
            }
            try {
                $response = $client.GetAsync("$BaseUrl/health").GetAwaiter().GetResult()
                $response.Dispose()
                return
            }
            catch { Start-Sleep -Milliseconds 250 }
        }
    }
    finally { $client.Dispose() }
    throw "Prism did not answer at $BaseUrl within $StartTimeoutSec s."
}

function Stop-Prism($Process) {
    if (-not $Process.HasExited) {
        $Process.Kill($true)
        $null = $Process.WaitForExit(10000)
    }
}

function Invoke-Scenario([string[]] $Command, [string[]] $Arguments) {
    # Runs the scenario script in a child pwsh that writes to this console, with a time limit.
    $info = [Diagnostics.ProcessStartInfo]::new($Command[0])
    foreach ($a in @($Command | Select-Object -Skip 1) + $Arguments) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    try {
        if (-not $process.WaitForExit($ScenarioTimeoutSec * 1000)) {
            Write-Host "The scenario script did not finish within $ScenarioTimeoutSec s; stopping it." -ForegroundColor Red
            $process.Kill($true)
            $null = $process.WaitForExit(10000)
            return -1
        }
        $process.WaitForExit()   # let the console output drain
        return $process.ExitCode
    }
    finally { $process.Dispose() }
}

#endregion

#region Log parsing -----------------------------------------------------------------------------

function Read-PrismLog([string] $Path) {
    # Returns the requests Prism logged, each with its violations, in order.
    $requests = [Collections.Generic.List[object]]::new()
    $current = $null
    $ansi = [regex]'\x1B\[[0-9;]*[A-Za-z]'
    foreach ($raw in [IO.File]::ReadAllLines($Path)) {
        $line = $ansi.Replace($raw, '')
        if ($line -match '\[HTTP SERVER\]\s+(\w+)\s+(\S+)\s+\S+\s+info\s+Request received') {
            $current = [pscustomobject]@{
                Method     = $Matches[1].ToUpperInvariant()
                Path       = $Matches[2]
                Violations = [Collections.Generic.List[string]]::new()
                Pending    = [Collections.Generic.List[string]]::new()
                Terminated = $null
            }
            $requests.Add($current)
            continue
        }
        if ($null -eq $current) { continue }
        if ($line -match '\[HTTP SERVER\]\s+\w+\s+\S+\s+\S+\s+error\s+Request terminated with error:\s*(.*)$') {
            $current.Terminated = $Matches[1].Trim() -replace '^https?://\S+?#', ''
            continue
        }
        if ($line -match '\[(\w[\w ]*)\]\s+\S+\s+(error|fatal)\s+(.*)$') {
            $message = $Matches[3].Trim()
            if ($message -match '^Violation:\s+(\S+)\s+(.*)$') {
                $location = $Matches[1]; $text = $Matches[2]
                $current.Violations.Add("${location}: $text")
                $null = $current.Pending.Remove($text)
            }
            else {
                $current.Pending.Add($message)
            }
        }
    }
    foreach ($r in $requests) {
        # Errors that no 'Violation:' line repeated (Prism answered with its own error instead).
        $answer = if ($r.Terminated) { " (Prism answered $($r.Terminated))" } else { '' }
        foreach ($p in $r.Pending) { $r.Violations.Add("request: $p$answer") }
        # A request Prism refused without a validator finding (no such path or method, ...).
        if ($r.Terminated -and $r.Pending.Count -eq 0) { $r.Violations.Add("request refused: $($r.Terminated)") }
    }
    return $requests
}

#endregion

#region Main ------------------------------------------------------------------------------------

if (-not (Test-Path -LiteralPath $SpecPath)) { throw "The OpenAPI document '$SpecPath' does not exist." }
$SpecPath = (Resolve-Path -LiteralPath $SpecPath).ProviderPath
if (-not $ModulePath) {
    $ModulePath = Get-ChildItem (Join-Path $repoRoot 'out' 'Hypeman') -Filter Hypeman.psd1 -Recurse -Depth 1 -ErrorAction SilentlyContinue |
        Sort-Object { [version]$_.Directory.Name } -Descending | Select-Object -First 1 -ExpandProperty FullName
    if (-not $ModulePath) { throw 'No built module in out/Hypeman: run build.ps1 Build first, or pass -ModulePath.' }
}
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$ScenarioPath = (Resolve-Path -LiteralPath $ScenarioPath).ProviderPath

Install-Prism
if ($Port -eq 0) { $Port = Get-FreePort }
$baseUrl = "http://127.0.0.1:$Port"

Write-Step "Starting Prism on $baseUrl with $(Split-Path $SpecPath -Leaf)"
$prism = Start-Prism $SpecPath $Port
$scenarioExit = $null
try {
    Wait-Prism $prism $baseUrl
    Write-Step "Running $(Split-Path $ScenarioPath -Leaf) against $baseUrl"
    $pwsh = Get-PwshCommand
    # The scenarios must not see the developer's own Hypeman settings.
    $saved = @{}
    foreach ($name in 'HYPEMAN_BASE_URL', 'HYPEMAN_API_KEY', 'HYPEMAN_CUSTOM_HEADERS') {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    try {
        $scenarioExit = Invoke-Scenario $pwsh @('-NoProfile', '-NonInteractive', '-File', $ScenarioPath, '-ModulePath', $ModulePath, '-BaseUrl', $baseUrl)
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}
finally {
    Start-Sleep -Milliseconds 500   # let Prism finish writing the last request's lines
    Stop-Prism $prism
}

$requests = @(Read-PrismLog $LogPath)
# The first logged request is the readiness probe (GET /health): not part of the contract run.
if ($requests.Count -gt 0 -and $requests[0].Method -eq 'GET' -and $requests[0].Path -eq '/health') {
    $requests = @($requests | Select-Object -Skip 1)
}

$violationCount = 0
foreach ($r in $requests) {
    foreach ($v in $r.Violations) {
        $violationCount++
        Write-Host ("VIOLATION {0} {1}: {2}" -f $r.Method, $r.Path, $v) -ForegroundColor Red
    }
}
$failed = $false
if ($scenarioExit -ne 0) { Write-Host "The scenario script failed (exit code $scenarioExit)." -ForegroundColor Red; $failed = $true }
if ($requests.Count -eq 0) { Write-Host 'Prism saw no request.' -ForegroundColor Red; $failed = $true }
if ($violationCount -gt 0) { $failed = $true }
Write-Host "Prism log: $LogPath"
Write-Host "Contract: $($requests.Count) requests, $violationCount violations"
exit ([int]$failed)

#endregion
