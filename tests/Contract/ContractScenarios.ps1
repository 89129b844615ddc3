#Requires -Version 7.4
<#
.SYNOPSIS
    Calls every cmdlet of the built Hypeman module, in each of its shapes, against a Prism mock of
    the Hypeman OpenAPI document. tools/Invoke-ContractTests.ps1 runs it and then reads Prism's log
    for requests and responses that break the spec.

.DESCRIPTION
    Prism answers with the spec's examples, whatever was sent, so the IDs used below come from its
    answers, and an answer may make no sense for the request (an example instance in a state that
    an action does not accept, a wait that "times out"). Such answers are not this script's
    business: HTTP errors from Prism are reported and tolerated, because any request that broke the
    spec shows up in Prism's log. What fails this script is a cmdlet error that is not an HTTP error
    (a client bug, a response the client could not read), unless the step names its category as an
    expected consequence of the mock's canned answers.
#>
[CmdletBinding()]
param(
    # The built module's manifest.
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # Prism's address, e.g. http://127.0.0.1:4010.
    [Parameter(Mandatory)]
    [string] $BaseUrl
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

Import-Module $ModulePath -ErrorAction Stop

$script:Failures = [Collections.Generic.List[string]]::new()
$script:Steps = 0
$script:Called = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$work = Join-Path ([IO.Path]::GetTempPath()) ('hypeman-contract-' + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $work

function Test-HttpError([System.Management.Automation.ErrorRecord] $Record) {
    # An error whose exception (or an inner one) carries the HTTP status of Prism's answer.
    $exception = $Record.Exception
    while ($null -ne $exception) {
        if ($exception.GetType().FullName -eq 'Hypeman.HypemanApiException') { return $true }
        $exception = $exception.InnerException
    }
    return $false
}

function Format-Error([System.Management.Automation.ErrorRecord] $Record) {
    $status = $Record.Exception.PSObject.Properties['StatusCode']
    $code = $Record.Exception.PSObject.Properties['ErrorCode']
    $http = if ($status) { " HTTP $($status.Value)$(if ($code -and $code.Value) { " $($code.Value)" })" } else { '' }
    "$($Record.FullyQualifiedErrorId) [$($Record.CategoryInfo.Category)$http]: $($Record.Exception.Message)"
}

function Invoke-Step {
    <#
        Runs one scenario step. Its output is returned; its errors (terminating or not) are sorted:
        HTTP errors and errors of an -AllowCategory are reported, any other error fails the run.
        -Cmdlet names the cmdlets the step exercises (for the coverage check at the end).
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string[]] $Cmdlet,
        [Parameter(Mandatory)] [scriptblock] $Script,
        [System.Management.Automation.ErrorCategory[]] $AllowCategory = @(),
        [switch] $ExpectOutput
    )
    $script:Steps++
    foreach ($c in $Cmdlet) { $null = $script:Called.Add($c) }
    $ErrorActionPreference = 'Continue'
    $errors = [Collections.Generic.List[object]]::new()
    $terminating = $null
    $output = @()
    try {
        $output = @(& $Script 2>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } else { $_ }
            })
    }
    catch {
        $terminating = $_
    }

    $problems = [Collections.Generic.List[string]]::new()
    $notes = [Collections.Generic.List[string]]::new()
    foreach ($record in @($errors) + @($terminating | Where-Object { $_ })) {
        $kind = if ($record -eq $terminating) { 'terminating' } else { 'error' }
        $text = "$kind $(Format-Error $record)"
        if (Test-HttpError $record) { $notes.Add("$text (Prism's answer; tolerated)") }
        elseif ($AllowCategory -contains $record.CategoryInfo.Category) { $notes.Add("$text (expected with a mock)") }
        else { $problems.Add($text) }
    }
    if ($ExpectOutput -and $output.Count -eq 0 -and -not $terminating -and $errors.Count -eq 0) {
        $problems.Add('no output, although Prism answers with the spec''s example')
    }

    $status = if ($problems.Count) { 'FAIL' } elseif ($notes.Count) { 'note' } else { ' ok ' }
    $color = if ($problems.Count) { 'Red' } elseif ($notes.Count) { 'Yellow' } else { 'Green' }
    Write-Host ("[{0}] {1} ({2} object(s))" -f $status, $Name, $output.Count) -ForegroundColor $color
    foreach ($n in $notes) { Write-Host "       $n" }
    foreach ($p in $problems) {
        Write-Host "       $p" -ForegroundColor Red
        $script:Failures.Add("${Name}: $p")
    }
    return $output
}

function Get-First($Objects, [string] $What) {
    $first = @($Objects | Where-Object { $null -ne $_ }) | Select-Object -First 1
    if ($null -eq $first) { throw "Prism's answer gave no $What; the scenarios cannot go on." }
    return $first
}

try {
    #region Connections (Connect-Hypeman makes its own requests to learn the server's API version)
    $apiKey = ConvertTo-SecureString 'contract-token' -AsPlainText -Force

    $null = Invoke-Step 'Connect-Hypeman -BaseUrl -ApiKey (sets the default)' Connect-Hypeman {
        Connect-Hypeman -BaseUrl $BaseUrl -ApiKey $apiKey
    }
    $named = Invoke-Step 'Connect-Hypeman (positional URL) -ApiKey -Name -SkipCertificateCheck -PassThru' Connect-Hypeman {
        Connect-Hypeman $BaseUrl -ApiKey $apiKey -Name contract -SkipCertificateCheck -PassThru
    } -ExpectOutput
    $connection = Get-First $named 'connection object from Connect-Hypeman -PassThru'

    $null = Invoke-Step 'Connect-Hypeman -ConnectTimeoutSec -TimeoutSec -MaxRetries' Connect-Hypeman {
        Connect-Hypeman -BaseUrl $BaseUrl -ApiKey $apiKey -Name tuned -ConnectTimeoutSec 5 -TimeoutSec 30 -MaxRetries 0
    }
    $null = Invoke-Step 'Get-HypemanConnection' Get-HypemanConnection { Get-HypemanConnection } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanConnection -Name' Get-HypemanConnection { Get-HypemanConnection -Name contract } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanConnection (positional, wildcard)' Get-HypemanConnection { Get-HypemanConnection cont* } -ExpectOutput

    $tested = Invoke-Step 'Test-HypemanConnection' Test-HypemanConnection { Test-HypemanConnection } -ExpectOutput
    if (@($tested).Count -ne 1 -or $tested[0] -isnot [bool]) { $script:Failures.Add('Test-HypemanConnection: expected exactly one [bool]') }
    $null = Invoke-Step 'Test-HypemanConnection -Connection <object>' Test-HypemanConnection { Test-HypemanConnection -Connection $connection } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanHealth' Get-HypemanHealth { Get-HypemanHealth } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanHealth -Connection <name>' Get-HypemanHealth { Get-HypemanHealth -Connection contract } -ExpectOutput

    # New-HypemanToken sends nothing; its token is a fine bearer token for Prism.
    $token = Invoke-Step 'New-HypemanToken -Secret -Subject -Lifetime' New-HypemanToken {
        New-HypemanToken -Secret (ConvertTo-SecureString 'contract-secret-0123456789' -AsPlainText -Force) -Subject contract -Lifetime (New-TimeSpan -Minutes 30)
    } -ExpectOutput
    $plain = Invoke-Step 'New-HypemanToken (positional secret) -AsPlainText' New-HypemanToken {
        New-HypemanToken (ConvertTo-SecureString 'contract-secret-0123456789' -AsPlainText -Force) -AsPlainText
    } -ExpectOutput
    if ("$($plain | Select-Object -First 1)" -notmatch '^[\w-]+\.[\w-]+\.[\w-]+$') { $script:Failures.Add('New-HypemanToken -AsPlainText: not a JWT') }
    $tokenConnection = Get-First (Invoke-Step 'Connect-Hypeman -ApiKey <token from New-HypemanToken> -PassThru' Connect-Hypeman {
            Connect-Hypeman -BaseUrl $BaseUrl -ApiKey ($token | Select-Object -First 1) -Name minted -PassThru
        } -ExpectOutput) 'connection object'
    $null = Invoke-Step 'Get-HypemanHealth -Connection <minted token>' Get-HypemanHealth { Get-HypemanHealth -Connection $tokenConnection } -ExpectOutput
    #endregion

    #region Instances: reading
    $all = Invoke-Step 'Get-HypemanInstance' Get-HypemanInstance { Get-HypemanInstance } -ExpectOutput
    $example = Get-First $all 'instance from GET /instances'
    $instanceId = $example.Id
    $instanceName = $example.Name

    $null = Invoke-Step 'Get-HypemanInstance -Name <exact>' Get-HypemanInstance { Get-HypemanInstance -Name $instanceName } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanInstance <positional exact>, <wildcard>' Get-HypemanInstance { Get-HypemanInstance $instanceName, "$($instanceName.Substring(0, 1))*" } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanInstance (names from the pipeline)' Get-HypemanInstance { $instanceName | Get-HypemanInstance } -ExpectOutput
    $byId = Invoke-Step 'Get-HypemanInstance -Id' Get-HypemanInstance { Get-HypemanInstance -Id $instanceId } -ExpectOutput
    $instance = Get-First $byId 'instance from GET /instances/{id}'
    $null = Invoke-Step 'Get-HypemanInstance -Id <prefix*>' Get-HypemanInstance { Get-HypemanInstance -Id "$($instanceId.Substring(0, 4))*" } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanInstance -State Running (server-side filter)' Get-HypemanInstance { Get-HypemanInstance -State Running }
    $null = Invoke-Step 'Get-HypemanInstance -State Running, Stopped (client-side filter)' Get-HypemanInstance { Get-HypemanInstance -State Running, Stopped }
    $null = Invoke-Step 'Get-HypemanInstance -Tag' Get-HypemanInstance { Get-HypemanInstance -Tag @{ team = 'backend'; env = 'staging' } }
    $null = Invoke-Step 'Get-HypemanInstance -State -Tag -Connection <name>' Get-HypemanInstance {
        Get-HypemanInstance -State $example.State -Tag @{ env = 'dev' } -Connection contract
    }
    #endregion

    #region Instances: lifecycle (the example instance's state rarely suits the action: 409s are Prism's answers)
    $null = Invoke-Step 'Start-HypemanInstance' Start-HypemanInstance { Start-HypemanInstance $instanceId -Confirm:$false }
    $null = Invoke-Step 'Start-HypemanInstance -Entrypoint -Command' Start-HypemanInstance {
        Start-HypemanInstance -InstanceId $instanceId -Entrypoint '/bin/sh', '-c' -Command 'echo hello' -Confirm:$false
    }
    $null = Invoke-Step 'Stop-HypemanInstance' Stop-HypemanInstance { Stop-HypemanInstance -InstanceId $instanceId -Confirm:$false }
    $null = Invoke-Step 'Get-HypemanInstance -State Running | Stop-HypemanInstance' Get-HypemanInstance, Stop-HypemanInstance {
        Get-HypemanInstance -State Running | Stop-HypemanInstance -Confirm:$false
    }
    # Prism's example instances are seldom Running: pipe them by their own state as well, so that
    # the pipeline binding is exercised whatever the example says.
    $null = Invoke-Step "Get-HypemanInstance -State <example's state> | Stop-HypemanInstance" Get-HypemanInstance, Stop-HypemanInstance {
        Get-HypemanInstance -State $example.State | Stop-HypemanInstance -Confirm:$false
    }
    $null = Invoke-Step 'Suspend-HypemanInstance' Suspend-HypemanInstance { Suspend-HypemanInstance $instanceId -Confirm:$false }
    $null = Invoke-Step 'Get-HypemanInstance | Suspend-HypemanInstance' Suspend-HypemanInstance { Get-HypemanInstance | Suspend-HypemanInstance -Confirm:$false }
    $null = Invoke-Step 'Resume-HypemanInstance' Resume-HypemanInstance { Resume-HypemanInstance $instanceId -Confirm:$false }
    $null = Invoke-Step "'<id>' | Resume-HypemanInstance -Connection <object>" Resume-HypemanInstance {
        $instanceId | Resume-HypemanInstance -Connection $connection -Confirm:$false
    }
    $null = Invoke-Step 'Wait-HypemanInstance -State Running -TimeoutSec' Wait-HypemanInstance {
        Wait-HypemanInstance $instanceId -State Running -TimeoutSec 2
    } -AllowCategory OperationTimeout, InvalidResult
    $null = Invoke-Step "Get-HypemanInstance | Wait-HypemanInstance -State <example's state> -PassThru" Wait-HypemanInstance {
        Get-HypemanInstance -Id $instanceId | Wait-HypemanInstance -State $example.State -TimeoutSec 5 -PassThru
    } -AllowCategory OperationTimeout, InvalidResult

    $null = Invoke-Step 'New-HypemanInstance -Name -Image' New-HypemanInstance {
        New-HypemanInstance -Name contract-min -Image docker.io/library/alpine:latest -Confirm:$false
    }
    #endregion

    #region Volumes: reading
    $volumes = Invoke-Step 'Get-HypemanVolume' Get-HypemanVolume { Get-HypemanVolume } -ExpectOutput
    $volumeExample = Get-First $volumes 'volume from GET /volumes'
    $volumeId = $volumeExample.Id
    $volumeName = $volumeExample.Name
    $null = Invoke-Step 'Get-HypemanVolume -Name <exact>' Get-HypemanVolume { Get-HypemanVolume -Name $volumeName } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanVolume <positional wildcard>' Get-HypemanVolume { Get-HypemanVolume "$($volumeName.Substring(0, 2))*" } -ExpectOutput
    $null = Invoke-Step 'Get-HypemanVolume (names from the pipeline)' Get-HypemanVolume { $volumeName | Get-HypemanVolume } -ExpectOutput
    $volume = Get-First (Invoke-Step 'Get-HypemanVolume -Id' Get-HypemanVolume { Get-HypemanVolume -Id $volumeId } -ExpectOutput) 'volume from GET /volumes/{id}'
    $null = Invoke-Step 'Get-HypemanVolume -Tag -Connection <name>' Get-HypemanVolume { Get-HypemanVolume -Tag @{ team = 'backend' } -Connection contract }
    #endregion

    #region Instances: creation with every option
    $null = Invoke-Step 'New-HypemanInstance with every option, -Volume as strings' New-HypemanInstance {
        New-HypemanInstance -Name contract-full -Image docker.io/library/nginx:alpine -Memory 2GB -HotplugMemory 1GB `
            -OverlaySize 10GB -Vcpu 2 -Environment @{ PORT = '8080'; MODE = 'test' } -Tag @{ env = 'contract' } `
            -Hypervisor cloud-hypervisor -Volume "${volumeId}:/mnt/data", "${volumeName}:/mnt/ro:ro" `
            -Entrypoint '/docker-entrypoint.sh' -Command 'nginx', '-g', 'daemon off;' -Confirm:$false
    }
    $null = Invoke-Step 'New-HypemanInstance -Volume as a hashtable, -Connection <object>' New-HypemanInstance {
        New-HypemanInstance contract-ht docker.io/library/alpine:latest -Volume @{ VolumeId = $volumeId; MountPath = '/data'; ReadOnly = $true } `
            -Connection $connection -Confirm:$false
    }
    $null = Invoke-Step 'New-HypemanInstance from the pipeline (by property name)' New-HypemanInstance {
        [pscustomobject]@{ Name = 'contract-pipe'; Image = 'docker.io/library/alpine:latest'; Memory = 1GB; Vcpu = 1 } |
            New-HypemanInstance -Confirm:$false
    }
    $null = Invoke-Step 'New-HypemanInstance -WhatIf (sends nothing)' New-HypemanInstance {
        New-HypemanInstance -Name contract-whatif -Image docker.io/library/alpine:latest -WhatIf
    }
    #endregion

    #region Volumes: creation, attach, detach
    $null = Invoke-Step 'New-HypemanVolume -Name -SizeGB' New-HypemanVolume {
        New-HypemanVolume -Name contract-empty -SizeGB 1 -Confirm:$false
    }
    $null = Invoke-Step 'New-HypemanVolume (positional) -Id -Tag' New-HypemanVolume {
        New-HypemanVolume contract-tagged 2 -Id vol-contract-1 -Tag @{ env = 'contract'; team = 'qa' } -Confirm:$false
    }
    # A small real archive for POST /volumes/from-archive.
    $content = Join-Path $work 'content'
    $null = New-Item -ItemType Directory -Path (Join-Path $content 'sub') -Force
    Set-Content -LiteralPath (Join-Path $content 'hello.txt') -Value 'hello from the contract tests'
    Set-Content -LiteralPath (Join-Path $content 'sub' 'data.json') -Value '{"a":1}'
    $archive = Join-Path $work 'content.tar.gz'
    & tar -czf $archive -C $content .
    if ($LASTEXITCODE -ne 0) { throw "tar failed with exit code $LASTEXITCODE." }
    $null = Invoke-Step 'New-HypemanVolume -ArchivePath' New-HypemanVolume {
        New-HypemanVolume -Name contract-archive -SizeGB 1 -ArchivePath $archive -Confirm:$false
    }
    $null = Invoke-Step 'New-HypemanVolume -ArchivePath -Id -Tag' New-HypemanVolume {
        New-HypemanVolume -Name contract-archive2 -SizeGB 1 -Id vol-contract-2 -Tag @{ env = 'contract' } -ArchivePath $archive -Confirm:$false
    }
    $null = Invoke-Step 'New-HypemanVolume from the pipeline (by property name)' New-HypemanVolume {
        [pscustomobject]@{ Name = 'contract-pipe'; SizeGB = 3 } | New-HypemanVolume -Confirm:$false
    }

    $null = Invoke-Step 'Mount-HypemanVolume -InstanceId -VolumeId -MountPath' Mount-HypemanVolume {
        Mount-HypemanVolume -InstanceId $instanceId -VolumeId $volumeId -MountPath /mnt/data -Confirm:$false
    }
    $null = Invoke-Step 'Mount-HypemanVolume (positional) -ReadOnly' Mount-HypemanVolume {
        Mount-HypemanVolume $instanceName $volumeName /mnt/ro -ReadOnly -Confirm:$false
    }
    $null = Invoke-Step 'Get-HypemanInstance | Mount-HypemanVolume -VolumeId -MountPath' Mount-HypemanVolume {
        Get-HypemanInstance -Id $instanceId | Mount-HypemanVolume -VolumeId $volumeId -MountPath /mnt/piped -Confirm:$false
    }

    $null = Invoke-Step 'Dismount-HypemanVolume -InstanceId -VolumeId' Dismount-HypemanVolume {
        Dismount-HypemanVolume -InstanceId $instanceId -VolumeId $volumeId -Confirm:$false
    }
    $null = Invoke-Step 'Dismount-HypemanVolume (positional) -Connection <name>' Dismount-HypemanVolume {
        Dismount-HypemanVolume $instanceName $volumeName -Connection contract -Confirm:$false
    }
    if (@($instance.Volumes).Count -eq 0) { $script:Failures.Add("The example instance has no Volumes; the '.Volumes | Dismount-HypemanVolume' pipeline was not exercised.") }
    # With a piped instance the module first compares the volume with the instance's own Volumes.
    # Prism's examples disagree with each other (the example instance mounts vol-abc123, while
    # GET /volumes/{any} answers vol-data-1), so "not attached" (ObjectNotFound) is a mock artefact here.
    $mountedVolumeId = (Get-First $instance.Volumes 'volume mount of the example instance').VolumeId
    $null = Invoke-Step 'Get-HypemanInstance | Dismount-HypemanVolume -VolumeId' Dismount-HypemanVolume {
        Get-HypemanInstance | Dismount-HypemanVolume -VolumeId $mountedVolumeId -Confirm:$false
    } -AllowCategory ObjectNotFound
    $null = Invoke-Step '(Get-HypemanInstance <id>).Volumes | Dismount-HypemanVolume' Dismount-HypemanVolume {
        (Get-HypemanInstance $instanceId).Volumes | Dismount-HypemanVolume -Confirm:$false
    }
    if (@($volume.Attachments).Count -eq 0) { $script:Failures.Add("The example volume has no Attachments; the 'Attachments | Dismount-HypemanVolume' pipeline was not exercised.") }
    $null = Invoke-Step 'Get-HypemanVolume <id> | Select-Object -ExpandProperty Attachments | Dismount-HypemanVolume' Dismount-HypemanVolume {
        Get-HypemanVolume $volumeId | Select-Object -ExpandProperty Attachments | Dismount-HypemanVolume -Confirm:$false
    }
    $csv = Join-Path $work 'detach.csv'
    @(
        [pscustomobject]@{ InstanceId = $instanceId; VolumeId = $volumeId }
        [pscustomobject]@{ InstanceId = $instanceName; VolumeId = $volumeName }
    ) | Export-Csv -LiteralPath $csv -NoTypeInformation
    $null = Invoke-Step 'Import-Csv <InstanceId,VolumeId> | Dismount-HypemanVolume' Dismount-HypemanVolume {
        Import-Csv -LiteralPath $csv | Dismount-HypemanVolume -Confirm:$false
    }
    #endregion

    #region Removal
    $null = Invoke-Step 'Remove-HypemanInstance -Force' Remove-HypemanInstance { Remove-HypemanInstance $instanceId -Force }
    $null = Invoke-Step 'Remove-HypemanInstance -InstanceId <several> -Confirm:$false' Remove-HypemanInstance {
        Remove-HypemanInstance -InstanceId $instanceId, $instanceName -Confirm:$false
    }
    $null = Invoke-Step 'Get-HypemanInstance | Remove-HypemanInstance -Force -Connection <object>' Remove-HypemanInstance {
        Get-HypemanInstance | Remove-HypemanInstance -Force -Connection $connection
    }
    $null = Invoke-Step 'Remove-HypemanInstance -WhatIf (sends nothing)' Remove-HypemanInstance { Remove-HypemanInstance $instanceId -WhatIf }
    $null = Invoke-Step 'Remove-HypemanVolume -Force' Remove-HypemanVolume { Remove-HypemanVolume $volumeId -Force }
    $null = Invoke-Step 'Remove-HypemanVolume -VolumeId -Confirm:$false -Connection <name>' Remove-HypemanVolume {
        Remove-HypemanVolume -VolumeId $volumeName -Confirm:$false -Connection contract
    }
    $null = Invoke-Step 'Get-HypemanVolume | Remove-HypemanVolume -Force' Remove-HypemanVolume { Get-HypemanVolume | Remove-HypemanVolume -Force }
    #endregion

    #region Disconnecting
    $null = Invoke-Step 'Disconnect-Hypeman -Name <several>' Disconnect-Hypeman { Disconnect-Hypeman -Name minted, tuned }
    $null = Invoke-Step 'Disconnect-Hypeman (positional)' Disconnect-Hypeman { Disconnect-Hypeman contract }
    $null = Invoke-Step 'Disconnect-Hypeman' Disconnect-Hypeman { Disconnect-Hypeman }
    #endregion
}
catch {
    $script:Failures.Add("The scenarios stopped: $($_.Exception.Message) ($($_.InvocationInfo.PositionMessage))")
}
finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

# Every cmdlet of the module must have been called.
$exported = @(Get-Command -Module Hypeman -CommandType Cmdlet | ForEach-Object Name)
foreach ($name in $exported) {
    if (-not $script:Called.Contains($name)) { $script:Failures.Add("No scenario calls $name.") }
}

Write-Host ''
foreach ($f in $script:Failures) { Write-Host "SCENARIO FAILURE: $f" -ForegroundColor Red }
Write-Host "Scenarios: $($script:Steps) steps over $($exported.Count) cmdlets, $($script:Failures.Count) failures"
exit ([int]($script:Failures.Count -gt 0))
