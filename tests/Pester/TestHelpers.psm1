#Requires -Version 7.4
<#
    Shared helpers of the Pester tests. They talk to the emulator directly (REST and its admin
    endpoints under /_emulator/), never through the module under test, so that setting up a test
    or checking the server's state cannot hide a bug of the module.

    tools/Invoke-PesterTests.ps1 sets:
      HYPEMAN_MODULE_PATH      the built Hypeman.psd1
      HYPEMAN_EMULATOR_PATH    the emulator's dll (for tests that start their own)
      HYPEMAN_TEST_BASE_URL    the shared emulator
      HYPEMAN_TEST_JWT_SECRET  its JWT secret
#>

Set-StrictMode -Version 3.0

foreach ($name in 'HYPEMAN_MODULE_PATH', 'HYPEMAN_EMULATOR_PATH', 'HYPEMAN_TEST_BASE_URL', 'HYPEMAN_TEST_JWT_SECRET') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "$name is not set: run the tests with tools/Invoke-PesterTests.ps1 (or build.ps1 Test)."
    }
}

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).ProviderPath

function Get-TestBaseUrl {
    <# The shared emulator's base URL, without a trailing slash. #>
    $env:HYPEMAN_TEST_BASE_URL.TrimEnd('/')
}

function Import-HypemanTestModule {
    <# Imports the built module (once per session; later calls do nothing). #>
    if (-not (Get-Module Hypeman)) { Import-Module $env:HYPEMAN_MODULE_PATH -Global -ErrorAction Stop }
}

function ConvertTo-Base64Url([byte[]] $Bytes) {
    [Convert]::ToBase64String($Bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')
}

function ConvertFrom-Base64Url([string] $Text) {
    $padded = $Text.Replace('-', '+').Replace('_', '/')
    switch ($padded.Length % 4) { 2 { $padded += '==' } 3 { $padded += '=' } }
    [Convert]::FromBase64String($padded)
}

function New-TestJwt {
    <#
        An HS256 JWT made here, independently of New-HypemanToken, for setting up tests.
        -Claims adds or overrides claims.
    #>
    param(
        [string] $Secret = $env:HYPEMAN_TEST_JWT_SECRET,
        [string] $Subject = 'pester',
        [int] $LifetimeSec = 3600,
        [hashtable] $Claims = @{}
    )
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    $payload = [ordered]@{ sub = $Subject; iat = $now; exp = $now + $LifetimeSec }
    foreach ($key in $Claims.Keys) { $payload[$key] = $Claims[$key] }
    $utf8 = [Text.Encoding]::UTF8
    $header = ConvertTo-Base64Url $utf8.GetBytes('{"alg":"HS256","typ":"JWT"}')
    $body = ConvertTo-Base64Url $utf8.GetBytes(($payload | ConvertTo-Json -Compress))
    $signingInput = "$header.$body"
    $hmac = [Security.Cryptography.HMACSHA256]::new($utf8.GetBytes($Secret))
    try { $signature = ConvertTo-Base64Url $hmac.ComputeHash([Text.Encoding]::ASCII.GetBytes($signingInput)) }
    finally { $hmac.Dispose() }
    "$signingInput.$signature"
}

function ConvertTo-TestSecureString([string] $Text) {
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

function Connect-TestHypeman {
    <#
        Connects this runspace to an emulator (the shared one by default) with a fresh key and
        makes it the default connection. Returns the connection with -PassThru.
    #>
    param(
        [string] $BaseUrl = (Get-TestBaseUrl),
        [string] $Name,
        [string] $Token = (New-TestJwt),
        [switch] $PassThru
    )
    $parameters = @{ BaseUrl = $BaseUrl; ApiKey = (ConvertTo-TestSecureString $Token); PassThru = $PassThru }
    if ($Name) { $parameters.Name = $Name }
    Connect-Hypeman @parameters
}

function New-TestConnection {
    <#
        A connection object made without Connect-Hypeman (no request is sent), for servers that
        cannot be connected to: a dead port, a wrong key.
    #>
    param(
        [Parameter(Mandatory)] [string] $BaseUrl,
        [string] $Token = (New-TestJwt),
        [string] $Name,
        [int] $MaxRetries = 3,
        [int] $ConnectTimeoutSec = 10
    )
    [Hypeman.HypemanConnection]::new([uri]$BaseUrl, (ConvertTo-TestSecureString $Token), $Name, [Hypeman.ConnectionSource]::Parameter,
        $false, [timespan]::FromSeconds($ConnectTimeoutSec), [timespan]::FromSeconds(100), $MaxRetries)
}

function Disconnect-AllTestHypeman {
    <# Forgets every connection of this runspace, so a test starts with none. #>
    Disconnect-Hypeman -Name * -ErrorAction SilentlyContinue
    Disconnect-Hypeman -ErrorAction SilentlyContinue
}

# ---- Emulator admin endpoints -------------------------------------------------------------

function Reset-TestEmulator {
    <# Clears the emulator's state, faults, request log and run-time settings. #>
    param([string] $BaseUrl = (Get-TestBaseUrl))
    Invoke-RestMethod -Method Post -Uri "$($BaseUrl.TrimEnd('/'))/_emulator/reset" | Out-Null
}

function Clear-TestRequestLog {
    param([string] $BaseUrl = (Get-TestBaseUrl))
    Invoke-RestMethod -Method Delete -Uri "$($BaseUrl.TrimEnd('/'))/_emulator/requests" | Out-Null
}

function Get-TestRequestLog {
    <#
        The API requests the emulator received since the last reset (or clear): objects with
        method, path, query, has_authorization, content_type, body, body_length, status, faulted,
        aborted. -Method and -Path (a -like pattern) filter them.
    #>
    param(
        [string] $BaseUrl = (Get-TestBaseUrl),
        [string] $Method,
        [string] $Path
    )
    $all = Invoke-RestMethod -Method Get -Uri "$($BaseUrl.TrimEnd('/'))/_emulator/requests"
    @($all | Write-Output | Where-Object {
            (-not $Method -or $_.method -eq $Method) -and (-not $Path -or $_.path -like $Path)
        })
}

function Add-TestFault {
    <# Queues a fault: @{ method='GET'; path='/instances'; status=503; count=2; headers=@{'Retry-After'='0'} }. #>
    param(
        [Parameter(Mandatory)] [hashtable] $Fault,
        [string] $BaseUrl = (Get-TestBaseUrl)
    )
    Invoke-RestMethod -Method Post -Uri "$($BaseUrl.TrimEnd('/'))/_emulator/faults" -ContentType 'application/json' `
        -Body ($Fault | ConvertTo-Json -Depth 5 -Compress) | Out-Null
}

function Set-TestEmulatorSetting {
    <# Changes run-time settings: @{ volume_ops='not-implemented' }, @{ boot_delay_ms=500 }. #>
    param(
        [Parameter(Mandatory)] [hashtable] $Settings,
        [string] $BaseUrl = (Get-TestBaseUrl)
    )
    Invoke-RestMethod -Method Post -Uri "$($BaseUrl.TrimEnd('/'))/_emulator/settings" -ContentType 'application/json' `
        -Body ($Settings | ConvertTo-Json -Compress) | Out-Null
}

function Wait-TestRequest {
    <# Waits until the emulator has received a request matching -Method/-Path; throws after -TimeoutSec. #>
    param(
        [string] $Method,
        [string] $Path,
        [string] $BaseUrl = (Get-TestBaseUrl),
        [double] $TimeoutSec = 15
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $found = @(Get-TestRequestLog -BaseUrl $BaseUrl -Method $Method -Path $Path)
        if ($found.Count -gt 0) { return $found }
        Start-Sleep -Milliseconds 50
    }
    throw "The emulator received no $Method $Path request within $TimeoutSec s."
}

# ---- Direct API calls for setting up and checking state ------------------------------------

function Invoke-TestApi {
    <# One authenticated API call, made without the module. Returns the parsed JSON. #>
    param(
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        $Body,
        [string] $BaseUrl = (Get-TestBaseUrl)
    )
    $parameters = @{
        Method  = $Method
        Uri     = "$($BaseUrl.TrimEnd('/'))/$($Path.TrimStart('/'))"
        Headers = @{ Authorization = "Bearer $(New-TestJwt)" }
    }
    if ($null -ne $Body) {
        $parameters.ContentType = 'application/json'
        $parameters.Body = $Body | ConvertTo-Json -Depth 10 -Compress
    }
    Invoke-RestMethod @parameters
}

function Get-TestServerInstance {
    <# The instance as the server has it now, or $null when it does not exist. #>
    param([Parameter(Mandatory)] [string] $Id, [string] $BaseUrl = (Get-TestBaseUrl))
    try { Invoke-TestApi -Method Get -Path "instances/$([uri]::EscapeDataString($Id))" -BaseUrl $BaseUrl }
    catch { if ($_.Exception.Response.StatusCode.value__ -eq 404) { $null } else { throw } }
}

function Get-TestServerVolume {
    <# The volume as the server has it now, or $null when it does not exist. #>
    param([Parameter(Mandatory)] [string] $Id, [string] $BaseUrl = (Get-TestBaseUrl))
    try { Invoke-TestApi -Method Get -Path "volumes/$([uri]::EscapeDataString($Id))" -BaseUrl $BaseUrl }
    catch { if ($_.Exception.Response.StatusCode.value__ -eq 404) { $null } else { throw } }
}

function Get-TestVolumeIdsOf {
    <# The IDs of the volumes the server says are attached to an instance. #>
    param([Parameter(Mandatory)] [string] $Instance, [string] $BaseUrl = (Get-TestBaseUrl))
    $server = Get-TestServerInstance -Id $Instance -BaseUrl $BaseUrl
    @(if ($server -and $server.PSObject.Properties['volumes']) { $server.volumes | ForEach-Object volume_id })
}

function New-TestVolume {
    <# Creates a volume through the API. #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [int] $SizeGB = 1,
        [hashtable] $Tag,
        [string] $Id,
        [string] $BaseUrl = (Get-TestBaseUrl)
    )
    $body = @{ name = $Name; size_gb = $SizeGB }
    if ($Tag) { $body.tags = $Tag }
    if ($Id) { $body.id = $Id }
    Invoke-TestApi -Method Post -Path 'volumes' -Body $body -BaseUrl $BaseUrl
}

function New-TestInstance {
    <#
        Creates an instance through the API and brings it to -State (Running, Stopped or Standby).
        -Volume takes volume names or IDs; each is mounted at /mnt/<name>, read-only with -ReadOnly
        (a volume can be shared by several instances only when every mount is read-only).
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Image = 'nginx',
        [string[]] $Volume = @(),
        [hashtable] $Tag,
        [switch] $ReadOnly,
        [ValidateSet('Running', 'Stopped', 'Standby')] [string] $State = 'Running',
        [string] $BaseUrl = (Get-TestBaseUrl)
    )
    $body = @{ name = $Name; image = $Image }
    if ($Tag) { $body.tags = $Tag }
    if ($Volume) {
        $body.volumes = @(foreach ($v in $Volume) {
                $resolved = Invoke-TestApi -Method Get -Path "volumes/$v" -BaseUrl $BaseUrl
                @{ volume_id = $resolved.id; mount_path = "/mnt/$($resolved.name)"; readonly = $ReadOnly.IsPresent }
            })
    }
    $instance = Invoke-TestApi -Method Post -Path 'instances' -Body $body -BaseUrl $BaseUrl
    switch ($State) {
        'Stopped' { $instance = Invoke-TestApi -Method Post -Path "instances/$($instance.id)/stop" -BaseUrl $BaseUrl }
        'Standby' { $instance = Invoke-TestApi -Method Post -Path "instances/$($instance.id)/standby" -BaseUrl $BaseUrl }
    }
    $instance
}

# ---- Processes, ports, errors ---------------------------------------------------------------

function Get-FreeTcpPort {
    <# A loopback port with nothing listening on it (free when this returns). #>
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Get-DeadBaseUrl {
    <# A base URL where no server listens. #>
    "http://127.0.0.1:$(Get-FreeTcpPort)"
}

function Start-TestEmulator {
    <# A dedicated emulator, e.g. -ArgumentList '--api-version', '0.2.0'. Stop it with Stop-HypemanEmulator. #>
    param([string[]] $ArgumentList = @())
    Import-Module (Join-Path $script:RepoRoot 'tools' 'Emulator.psm1') -Scope Global
    Start-HypemanEmulator -Path $env:HYPEMAN_EMULATOR_PATH -JwtSecret $env:HYPEMAN_TEST_JWT_SECRET -ArgumentList $ArgumentList
}

function Invoke-TestChildPwsh {
    <#
        Runs a script in a fresh pwsh (the same one that runs the tests) and returns its output
        lines and exit code. Variables are passed as environment variables.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 120
    )
    $pwsh = @([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
    $file = Join-Path ([IO.Path]::GetTempPath()) "hypeman-child-$([guid]::NewGuid().ToString('n')).ps1"
    Set-Content -LiteralPath $file -Value $Script
    $saved = @{}
    $Environment = @{ NO_COLOR = '1' } + $Environment
    try {
        foreach ($key in $Environment.Keys) {
            $saved[$key] = [Environment]::GetEnvironmentVariable($key)
            [Environment]::SetEnvironmentVariable($key, [string]$Environment[$key])
        }
        $exe = $pwsh[0]
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)
        $output = & $exe @arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output); Text = ($output -join "`n") }
    }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

function Get-DistinctError {
    <#
        The distinct errors of a call, whether written (-ErrorVariable) or thrown (catch), counted
        once each even when PowerShell records a terminating error in both places.
    #>
    param([object[]] $Written = @(), [object[]] $Thrown = @())
    $seen = [Collections.Generic.HashSet[object]]::new([Collections.Generic.ReferenceEqualityComparer]::Instance)
    foreach ($item in @($Written) + @($Thrown)) {
        if ($null -eq $item) { continue }
        # -ErrorVariable keeps a terminating error as the exception that carries the record.
        $record = if ($item -is [Management.Automation.IContainsErrorRecord]) { $item.ErrorRecord } else { $item }
        if ($seen.Add($record.Exception)) { $record }
    }
}

function Get-ErrorText {
    <# Everything a user can see of an error record: its display, its details, its exception's properties. #>
    param([Parameter(Mandatory)] [Management.Automation.ErrorRecord] $ErrorRecord)
    @(
        ($ErrorRecord | Out-String -Width 500)
        ($ErrorRecord | Format-List * -Force | Out-String -Width 500)
        ($ErrorRecord.Exception | Format-List * -Force | Out-String -Width 500)
        ($ErrorRecord.ErrorDetails | Format-List * -Force | Out-String -Width 500)
        ($ErrorRecord | Get-Error | Out-String -Width 500)
        "$($ErrorRecord.TargetObject)"
    ) -join "`n"
}

Export-ModuleMember -Function *
