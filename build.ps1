#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents, demonstrates and packages the Hypeman module.
.DESCRIPTION
    Tasks:
      Build     publishes the module to out/Hypeman/<version>/ (with its help) and the emulator to out/emulator/
      Test      Build, then the xunit tests, then Pester in a fresh pwsh against the built module and a live
                emulator; ends with one line "N passed, N failed" and exits non-zero on any failure
      Contract  Build, then every cmdlet against Prism serving the OpenAPI spec; fails on any violation
      Docs      regenerates the MAML help from docs/en-US (part of Build)
      Demo      Build, then starts a seeded emulator and shows the module at work
      Package   Build, then a PowerShell Gallery-ready module folder and .nupkg in out/package/
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Contract', 'Docs', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # The OpenAPI document the Contract task serves.
    [string] $SpecPath = (Join-Path $PSScriptRoot '../shared/spec/hypeman-openapi-0.3.0.yaml'),

    # Contract only: use the module already in out/ (CI builds it once, in the Test task).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$version = ([xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))).Project.PropertyGroup.HypemanModuleVersion | Where-Object { $_ } | Select-Object -First 1
$moduleDir = Join-Path $out "Hypeman/$version"
$modulePath = Join-Path $moduleDir 'Hypeman.psd1'
$emulatorDir = Join-Path $out 'emulator'
$emulatorPath = Join-Path $emulatorDir 'Hypeman.Emulator.dll'
$resultsDir = Join-Path $out 'test-results'

function Invoke-Native {
    # Runs a native command (first argument) and stops the build when it fails. Plain $args, so
    # that options such as -o and -c pass through instead of binding to common parameters.
    $command, $arguments = $args
    & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-ChildPwsh {
    # A fresh pwsh, so that modules load as they do for users (a loaded assembly cannot be unloaded).
    # Its output goes to the host, so that only the exit code is returned.
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @args | Out-Host
    return $LASTEXITCODE
}

function Invoke-Docs {
    $helpDir = Join-Path $moduleDir 'en-US'
    $code = Invoke-ChildPwsh -File (Join-Path $root 'tools/New-HypemanMaml.ps1') -ModulePath $modulePath `
        -DocsPath (Join-Path $root 'docs/en-US') -OutputPath $helpDir
    if ($code -ne 0) { throw 'The help is incomplete (see the lines above); every cmdlet, parameter and example must be documented.' }
}

function Invoke-Build {
    Write-Host "Building Hypeman $version ($Configuration)" -ForegroundColor Cyan
    $publishDir = Join-Path $out 'publish'
    Remove-Item -Recurse -Force $publishDir, $moduleDir -ErrorAction SilentlyContinue
    Invoke-Native dotnet publish (Join-Path $root 'src/Hypeman.PowerShell') -c $Configuration -o $publishDir --nologo -v quiet
    Invoke-Native dotnet publish (Join-Path $root 'src/Hypeman.Emulator') -c $Configuration -o $emulatorDir --nologo -v quiet

    # Our two shared assemblies sit beside the manifest; the HTTP engine and every third-party
    # assembly go to dependencies/, which only the module's private load context reads.
    $top = 'Hypeman.PowerShell', 'Hypeman.Client'
    $dependencies = Join-Path $moduleDir 'dependencies'
    New-Item -ItemType Directory -Force -Path $moduleDir, $dependencies | Out-Null
    foreach ($file in Get-ChildItem $publishDir -File) {
        $isOurs = $top -contains [System.IO.Path]::GetFileNameWithoutExtension($file.Name)
        if ($file.Extension -eq '.dll') {
            Copy-Item $file.FullName ($isOurs ? $moduleDir : $dependencies)
        }
        elseif ($file.Extension -eq '.pdb' -and $isOurs) {
            Copy-Item $file.FullName $moduleDir
        }
    }
    Copy-Item (Join-Path $root 'src/Hypeman.PowerShell/Hypeman.Format.ps1xml'), (Join-Path $root 'LICENSE') $moduleDir
    $manifest = (Get-Content -Raw (Join-Path $root 'Hypeman.psd1')) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'"
    Set-Content -LiteralPath $modulePath -Value $manifest -NoNewline

    $expected = 'Hypeman.psd1', 'Hypeman.PowerShell.dll', 'Hypeman.Client.dll', 'Hypeman.Format.ps1xml', 'LICENSE',
        'dependencies/Hypeman.Client.Http.dll', 'dependencies/Microsoft.Extensions.Http.dll', 'dependencies/Microsoft.Extensions.Http.Resilience.dll'
    foreach ($file in $expected) {
        if (-not (Test-Path (Join-Path $moduleDir $file))) { throw "The build is missing $file." }
    }
    if (Test-Path (Join-Path $moduleDir 'System.Management.Automation.dll')) { throw 'System.Management.Automation must never ship with the module.' }
    Invoke-Docs
    Write-Host "Module: $moduleDir" -ForegroundColor Green
}

function Get-TrxCounts([string] $Path) {
    $counters = ([xml](Get-Content -Raw $Path)).TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Invoke-Test {
    Invoke-Build
    Remove-Item -Recurse -Force $resultsDir -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force -Path $resultsDir | Out-Null
    $passed = 0; $failed = 0

    foreach ($project in 'Hypeman.Client.Tests', 'Hypeman.Emulator.Tests') {
        Write-Host "xunit: $project" -ForegroundColor Cyan
        $trx = "$project.trx"
        & dotnet test (Join-Path $root "tests/$project") -c $Configuration --nologo --logger "trx;LogFileName=$trx" --results-directory $resultsDir
        $trxPath = Join-Path $resultsDir $trx
        if (Test-Path $trxPath) {
            $counts = Get-TrxCounts $trxPath
            $passed += $counts.Passed; $failed += $counts.Failed
            if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) { $failed++ } # the run itself failed
        }
        else {
            Write-Warning "$project produced no results (build failure?)."
            $failed++
        }
    }

    Write-Host 'Pester: restoring Pester 5.7.1' -ForegroundColor Cyan
    $packages = Join-Path $root '.tools/packages'
    Invoke-Native dotnet restore (Join-Path $root 'tools/TestDependencies.csproj') --packages $packages --nologo -v quiet
    $pester = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    $pesterResult = Join-Path $resultsDir 'pester.json'
    $null = Invoke-ChildPwsh -File (Join-Path $root 'tools/Invoke-PesterTests.ps1') -ModulePath $modulePath `
        -EmulatorPath $emulatorPath -PesterPath $pester -ResultPath $pesterResult
    if (Test-Path $pesterResult) {
        $counts = Get-Content -Raw $pesterResult | ConvertFrom-Json
        $passed += $counts.Passed; $failed += $counts.Failed
    }
    else {
        Write-Warning 'Pester produced no results.'
        $failed++
    }

    Write-Host ''
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Contract {
    if (-not $NoBuild -or -not (Test-Path $modulePath)) { Invoke-Build }
    $code = Invoke-ChildPwsh -File (Join-Path $root 'tools/Invoke-ContractTests.ps1') -SpecPath $SpecPath -ModulePath $modulePath
    if ($code -ne 0) { Write-Host 'Contract: FAILED' -ForegroundColor Red; exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $code = Invoke-ChildPwsh -File (Join-Path $root 'tools/Demo.ps1') -ModulePath $modulePath -EmulatorPath $emulatorPath
    if ($code -ne 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    $packageDir = Join-Path $out 'package'
    Remove-Item -Recurse -Force $packageDir -ErrorAction SilentlyContinue
    $moduleCopy = Join-Path $packageDir 'Hypeman'
    New-Item -ItemType Directory -Force -Path $moduleCopy | Out-Null
    Copy-Item -Recurse (Join-Path $moduleDir '*') $moduleCopy
    $code = Invoke-ChildPwsh -File (Join-Path $root 'tools/New-ModulePackage.ps1') -ModuleDir $moduleCopy -OutputDir $packageDir
    if ($code -ne 0) { throw 'Packaging failed.' }
    Write-Host "Package: $packageDir" -ForegroundColor Green
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Contract' { Invoke-Contract }
    'Docs' { Invoke-Docs }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
}
