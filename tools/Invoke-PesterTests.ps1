#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the Pester tests against the built module and a live emulator, in this (fresh) process.
.DESCRIPTION
    build.ps1 Test starts this script in a new pwsh, so the module is imported exactly as a user
    imports it. It starts one emulator for all test files, points the tests at it through
    environment variables, and writes the totals to -ResultPath as JSON.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $TestPath = (Join-Path $PSScriptRoot '../tests/Pester'),
    [string[]] $Tag,
    [string[]] $ExcludeTag
)
$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path -LiteralPath $PesterPath).Path -Force
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force

# The tests must not see the developer's own Hypeman settings.
foreach ($name in 'HYPEMAN_BASE_URL', 'HYPEMAN_API_KEY', 'HYPEMAN_CUSTOM_HEADERS') { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
$testHome = Join-Path ([System.IO.Path]::GetTempPath()) ("hypeman-test-home-" + [guid]::NewGuid().ToString('n'))
New-Item -ItemType Directory -Path $testHome | Out-Null
$env:HOME = $testHome

$emulator = Start-HypemanEmulator -Path $EmulatorPath -JwtSecret 'pester-secret-0123456789'
try {
    $env:HYPEMAN_MODULE_PATH = (Resolve-Path $ModulePath).Path
    $env:HYPEMAN_EMULATOR_PATH = (Resolve-Path $EmulatorPath).Path
    $env:HYPEMAN_TEST_BASE_URL = $emulator.BaseUrl
    $env:HYPEMAN_TEST_JWT_SECRET = $emulator.JwtSecret

    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $TestPath
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($ResultPath, '.xml')
    if ($Tag) { $configuration.Filter.Tag = $Tag }
    if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }
    $result = Invoke-Pester -Configuration $configuration

    # A container that failed to run (syntax error, BeforeAll failure) counts as a failure too.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
        ConvertTo-Json | Set-Content -LiteralPath $ResultPath
}
finally {
    $emulator | Stop-HypemanEmulator
    Remove-Item -LiteralPath $testHome -Recurse -Force -ErrorAction SilentlyContinue
}
