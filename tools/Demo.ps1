#Requires -Version 7.4
<#
.SYNOPSIS
    A short tour of the module against a seeded emulator (build.ps1 Demo runs it).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1')

function Show([string] $Command) {
    # Prints a command as a user would type it, then runs it and formats what it writes.
    # Called dot-sourced, so that variables it sets (-ErrorVariable) stay for the next command.
    Write-Host ''
    Write-Host "PS> $Command" -ForegroundColor Yellow
    Invoke-Expression $Command | Out-Host
}

$secret = 'demo-secret-' + [guid]::NewGuid().ToString('n')
$emulator = Start-HypemanEmulator -Path $EmulatorPath -JwtSecret $secret -ArgumentList '--seed', 'demo'
try {
    Write-Host "Started the Hypeman emulator at $($emulator.BaseUrl) with demo data." -ForegroundColor Cyan
    Import-Module $ModulePath
    $global:DemoSecret = ConvertTo-SecureString $secret -AsPlainText -Force
    $global:DemoUrl = $emulator.BaseUrl

    . Show 'Connect-Hypeman -BaseUrl $DemoUrl -ApiKey (New-HypemanToken -Secret $DemoSecret) -PassThru'
    . Show 'Get-HypemanInstance'
    . Show 'Get-HypemanVolume'
    . Show 'Get-HypemanInstance | Select-Object Name, State, @{ n = "Volumes"; e = { $_.Volumes.MountPath -join ", " } }'
    . Show 'Get-HypemanInstance | Dismount-HypemanVolume -VolumeId logs -WhatIf'
    Write-Host ''
    Write-Host 'Instances without the volume get their own error; the others are detached and written:' -ForegroundColor Cyan
    . Show 'Get-HypemanInstance | Dismount-HypemanVolume -VolumeId logs -ErrorAction SilentlyContinue -ErrorVariable notAttached | Format-Table Name, State, @{ n = "Volumes"; e = { $_.Volumes.VolumeId -join ", " } }'
    . Show '$notAttached | ForEach-Object { "{0}: {1}" -f $_.FullyQualifiedErrorId, $_.Exception.Message }'
    . Show 'Get-HypemanVolume logs | Select-Object Name, @{ n = "Attachments"; e = { $_.Attachments.Count } }'
    . Show 'Get-HypemanInstance -State Running | Stop-HypemanInstance | Format-Table Name, State'
    . Show 'Get-HypemanInstance worker | Resume-HypemanInstance | Format-Table Name, State'
}
finally {
    $emulator | Stop-HypemanEmulator
    Write-Host ''
    Write-Host 'Stopped the emulator.' -ForegroundColor Cyan
}
